import "server-only";
import { db } from "@/lib/core/db";

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
  disabledAt: Date | null;
};

export function findApplicationByClientId(clientId: string): Promise<PartnerApplicationRow | null> {
  return db().partnerApplication.findUnique({
    where: { clientId },
    select: {
      id: true,
      clientId: true,
      name: true,
      logoUrl: true,
      redirectUris: true,
      postLogoutRedirectUris: true,
      scopes: true,
      requiredAcr: true,
      isConfidential: true,
      clientSecretHash: true,
      tokenEndpointAuthMethod: true,
      jwks: true,
      disabledAt: true,
    },
  });
}

export async function insertApplication(
  data: Omit<PartnerApplicationRow, "id" | "disabledAt">,
): Promise<{ id: string }> {
  return db().partnerApplication.create({
    data: { ...data, jwks: data.jwks === null ? undefined : (data.jwks as object) },
    select: { id: true },
  });
}
