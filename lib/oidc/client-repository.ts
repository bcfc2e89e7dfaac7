import "server-only";
import { db } from "@/lib/core/db";
import { query } from "@/lib/core/sql";

export type PartnerApplicationRow = {
  id: string;
  clientId: string;
  name: string;
  logoUrl: string | null;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: string[];
  requiredAcr: string | null;
  isConfidential: boolean;
  clientSecretHash: string | null;
  tokenEndpointAuthMethod: string;
  jwks: unknown;
  partnerId: string | null;
  disabledAt: Date | null;
};

/** Read by every token exchange and authorization request: plain SQL (lib/core/sql.ts). */
export async function findApplicationByClientId(clientId: string): Promise<PartnerApplicationRow | null> {
  const rows = await query<PartnerApplicationRow>(
    "oidc-application-by-client-id",
    `SELECT id, "clientId", name, "logoUrl", "redirectUris", "postLogoutRedirectUris", scopes, "requiredAcr",
       "isConfidential", "clientSecretHash", "tokenEndpointAuthMethod", jwks, "partnerId", "disabledAt"
     FROM partner_applications WHERE "clientId" = $1`,
    [clientId],
  );
  return rows[0] ?? null;
}

/** The store partner (its slug) an application is linked to, if any. */
export async function findStorePartnerSlug(clientId: string): Promise<string | null> {
  const row = await db().partnerApplication.findUnique({
    where: { clientId },
    select: { partner: { select: { slug: true } } },
  });
  return row?.partner?.slug ?? null;
}

export type ApplicationSummary = {
  clientId: string;
  name: string;
  redirectUris: string[];
  scopes: string[];
  requiredAcr: string | null;
  isConfidential: boolean;
  partner: { name: string } | null;
  createdAt: Date;
};

export function listApplications(): Promise<ApplicationSummary[]> {
  return db().partnerApplication.findMany({
    where: { disabledAt: null },
    select: {
      clientId: true,
      name: true,
      redirectUris: true,
      scopes: true,
      requiredAcr: true,
      isConfidential: true,
      partner: { select: { name: true } },
      createdAt: true,
    },
    orderBy: { name: "asc" },
  });
}

/** The names of applications by client id (for the user's Connected Applications). */
export async function namesOfApplications(clientIds: string[]): Promise<Map<string, string>> {
  const rows = await db().partnerApplication.findMany({
    where: { clientId: { in: clientIds } },
    select: { clientId: true, name: true },
  });
  return new Map(rows.map((r) => [r.clientId, r.name]));
}

export async function insertApplication(
  data: Omit<PartnerApplicationRow, "id" | "disabledAt">,
): Promise<{ id: string }> {
  return db().partnerApplication.create({
    data: { ...data, jwks: data.jwks === null ? undefined : (data.jwks as object) },
    select: { id: true },
  });
}
