import "server-only";
import type { Account, KoaContextWithOIDC } from "oidc-provider";
import { getProfile } from "@/lib/accounts/service";
import { DomainError } from "@/lib/core/errors";
import { latestProofing } from "@/lib/credentials/service";
import { identityClaims } from "./oidc";

/** The person behind a MAG user id, with the claims partners may ask for; undefined for no active account. */
export async function findAccount(_ctx: KoaContextWithOIDC, userId: string): Promise<Account | undefined> {
  let profile;
  try {
    profile = await getProfile(userId);
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
  if (profile.status !== "ACTIVE") return undefined;
  return {
    accountId: userId,
    async claims() {
      return {
        sub: userId,
        email: profile.email,
        email_verified: profile.emailVerifiedAt !== null,
        name: `${profile.firstName} ${profile.lastName}`,
        ...identityClaims(await latestProofing(userId)),
      };
    },
  };
}
