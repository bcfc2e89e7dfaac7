import "server-only";
import { keyedHash, randomToken } from "@/lib/core/crypto";
import type { Tx } from "@/lib/core/transaction";
import { PASSWORD_RESET_TTL_MS } from "./accounts";
import * as repo from "./repository";

const RESET_PURPOSE = "password-reset";

export function resetTokenHash(token: string): string {
  return keyedHash(RESET_PURPOSE, token);
}

/** A new password reset token for the account (valid 1 hour, once); it voids the account's older ones. */
export async function issueResetToken(userId: string, now: Date, tx: Tx): Promise<string> {
  const token = randomToken();
  await repo.expireEmailTokens(userId, "RESET_PASSWORD", now, tx);
  await repo.insertEmailToken(
    {
      userId,
      purpose: "RESET_PASSWORD",
      tokenHash: resetTokenHash(token),
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
    },
    tx,
  );
  return token;
}
