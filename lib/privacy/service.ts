import "server-only";
import { getProfile } from "@/lib/accounts/service";
import { auditSelf, securityEventsForUser, userEventsOfTypes } from "@/lib/audit/service";
import type { RequestInfo } from "@/lib/core/caller";
import { zipFiles, type ZipEntry } from "@/lib/core/zip";
import { credentialTimelines } from "@/lib/credentials/service";
import { listCredentials } from "@/lib/licensing/service";
import { listConnections } from "@/lib/oidc/connections";
import { listOrders } from "@/lib/store/service";
import { archiveFiles, archiveName } from "./data-export";
import * as repo from "./repository";

/** The whole history as the audit log still holds it, not the Security tab's latest 20. */
const HISTORY_LIMIT = 5000;

/**
 * The files of the user's "Download my data" archive at `now`: my-data.json and the printable invoices. Only
 * this user's rows, read through the services that show them in the portal (the user's view of each
 * credential's timeline, so no proofing evidence).
 */
export async function exportMyData(userId: string, now: Date): Promise<ZipEntry[]> {
  const [
    profile,
    orders,
    credentials,
    timelines,
    phones,
    phoneAdditions,
    proofingAttempts,
    verifications,
    securityEvents,
    connections,
  ] = await Promise.all([
    getProfile(userId),
    listOrders(userId),
    listCredentials(userId, now),
    credentialTimelines(userId, "user", { now }),
    repo.listPhonesOfUser(userId),
    userEventsOfTypes(userId, ["PHONE_ADDED"], HISTORY_LIMIT),
    repo.listProofingAttempts(userId),
    repo.listIdentityVerifications(userId),
    securityEventsForUser(userId, HISTORY_LIMIT),
    listConnections(userId),
  ]);
  return archiveFiles(
    {
      profile,
      orders,
      credentials,
      timelines,
      phones,
      phoneAdditions,
      proofingAttempts,
      verifications,
      securityEvents,
      connections,
    },
    now,
  );
}

/** The archive as a zip for the signed-in user to download, audited as DATA_EXPORTED (the file count only). */
export async function downloadMyData(
  userId: string,
  request: RequestInfo,
  now = new Date(),
): Promise<{ fileName: string; zip: Buffer }> {
  const files = await exportMyData(userId, now);
  const zip = zipFiles(files, now);
  await auditSelf("DATA_EXPORTED", "SUCCESS", userId, request, { files: files.length });
  return { fileName: archiveName(now), zip };
}
