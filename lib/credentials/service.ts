import "server-only";
import { DomainError } from "@/lib/core/errors";
import type { Tx } from "@/lib/core/transaction";
import { userEventsOfTypes } from "@/lib/audit/service";
import {
  activatedState,
  credentialName,
  staffState,
  transition,
  type CredentialEvent,
  type CredentialStatus,
} from "./credentials";
import * as historyRepo from "./history-repository";
import * as repo from "./repository";
import { credentialTimeline, type Audience, type CredentialChange } from "./timeline";

// Every change of a credential, inside the caller's transaction: lock the row, let the state machine decide,
// save what it decided.

/** Creates the credential an activated license key stands for; returns its id and first status. */
export async function createCredential(
  input: {
    userId: string;
    productId: string;
    licenseKeyId: string;
    product: { includesProofing: boolean; termMonths: number };
  },
  now: Date,
  tx: Tx,
): Promise<{ id: string; status: CredentialStatus }> {
  const state = activatedState(input.product, now);
  const { id } = await repo.insertCredential(
    {
      userId: input.userId,
      productId: input.productId,
      licenseKeyId: input.licenseKeyId,
      activatedAt: now,
      ...state,
    },
    tx,
  );
  return { id, status: state.status };
}

/**
 * Applies `event` (or the event `eventFor` makes from the locked row) to the credential; throws the
 * transition's refusal as a DomainError, so the caller's transaction rolls back whole. Returns the owner.
 */
export async function applyCredentialEvent(
  credentialId: string,
  eventFor: CredentialEvent | ((row: repo.LockedCredential) => CredentialEvent),
  tx: Tx,
): Promise<{ userId: string; status: CredentialStatus; expiresAt: Date }> {
  const row = await repo.lockCredential(credentialId, tx);
  if (!row) throw new DomainError("credentials.not_found");
  const result = transition(row, typeof eventFor === "function" ? eventFor(row) : eventFor);
  if (!result.ok) throw new DomainError(result.code);
  if (result.changed) await repo.saveCredentialState(credentialId, result.next, tx);
  return { userId: row.userId, status: result.next.status, expiresAt: result.next.expiresAt };
}

/** Identity proofing passed: phones next, or active again when the credential has them (an upgrade). */
export function markCredentialProofed(credentialId: string, now: Date, tx: Tx) {
  return applyCredentialEvent(
    credentialId,
    (row) => ({ type: "MARK_PROOFED", now, hasPhones: row.phoneCount > 0 }),
    tx,
  );
}

/** Revokes the user's credential; false when it is not theirs or already revoked. */
export async function revokeCredential(userId: string, credentialId: string, tx: Tx): Promise<boolean> {
  const row = await repo.lockCredential(credentialId, tx);
  if (!row || row.userId !== userId) return false;
  const result = transition(row, { type: "REVOKE" });
  if (!result.ok) return false;
  await repo.saveCredentialState(credentialId, result.next, tx);
  return true;
}

/** The account closed: every credential of the user that is not yet revoked is. Returns how many. */
export async function revokeCredentialsOfUser(userId: string, tx: Tx): Promise<number> {
  let revoked = 0;
  for (const id of await repo.listCredentialIdsOfUser(userId, tx)) {
    if (await revokeCredential(userId, id, tx)) revoked += 1;
  }
  return revoked;
}

/** Every phone of the user was removed: each active credential waits for a new first phone. */
export async function requirePhonesOfUser(userId: string, tx: Tx): Promise<void> {
  for (const id of await repo.listCredentialIdsOfUser(userId, tx)) {
    await applyCredentialEvent(id, { type: "REQUIRE_PHONES" }, tx);
  }
}

/**
 * The staff member's own credential, created with the role: staff sign in to the consoles with a phone OTP
 * and need no purchase for it. Returns its id (the same one on every call).
 */
export function ensureStaffCredential(userId: string, now: Date): Promise<string> {
  return repo.upsertStaffCredential(userId, staffState(now), now);
}

/** Whether the user's identity was ever proofed on one of their credentials (their name is then locked). */
export function isIdentityProofed(userId: string): Promise<boolean> {
  return repo.hasProofedCredential(userId);
}

/** When the user's identity was proofed on a credential active now (identity assurance level 2), or null. */
export function latestProofing(userId: string, now = new Date()): Promise<Date | null> {
  return repo.findLatestProofing(userId, now);
}

const CHANGE_TYPES = [
  "PHONE_ADDED",
  "PHONE_REMOVED",
  "PHONES_RESET",
  "PHONES_RELEASED",
  "PHONES_RECOVERED",
  "CREDENTIAL_RENEWED",
] as const;

type ChangeRow = { type: string; createdAt: Date; detail: unknown };

/** The audit rows of a user as changes of one credential (account-wide phone resets apply to each). */
function changesOf(credentialId: string, rows: ChangeRow[]): CredentialChange[] {
  const changes: CredentialChange[] = [];
  for (const row of rows) {
    const d = (row.detail ?? {}) as Record<string, string | undefined>;
    const at = row.createdAt;
    const mine = d.credentialId === credentialId;
    if (row.type === "PHONE_ADDED" && mine)
      changes.push({ kind: "phone_added", at, phoneId: d.phoneId, label: d.label, channel: d.channel });
    else if (row.type === "PHONE_REMOVED" && mine)
      changes.push({ kind: "phone_removed", at, label: d.label });
    else if (row.type === "PHONES_RESET") changes.push({ kind: "phones_reset", at });
    else if (row.type === "PHONES_RECOVERED") changes.push({ kind: "phones_recovered", at });
    else if (row.type === "PHONES_RELEASED" && mine) changes.push({ kind: "phones_released", at });
    else if (row.type === "CREDENTIAL_RENEWED" && mine && d.expiresAt)
      changes.push({ kind: "renewed", at, expiresAt: d.expiresAt });
  }
  return changes;
}

/**
 * Each credential of the user (or the one named) with its timeline: support sees every entry, the user all but
 * the staff-only ones (proofing evidence). One function for both, so the two never tell different stories.
 */
export async function credentialTimelines(
  userId: string,
  audience: Audience,
  options: { credentialId?: string; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const [histories, rows] = await Promise.all([
    historyRepo.findCredentialHistories(userId, options.credentialId),
    userEventsOfTypes(userId, [...CHANGE_TYPES]),
  ]);
  return histories.map((h) => ({
    id: h.id,
    productName: credentialName(h.product),
    status: h.status,
    proofingCases: h.proofingCases.length,
    events: credentialTimeline({ ...h, changes: changesOf(h.id, rows) }, now, audience),
  }));
}
