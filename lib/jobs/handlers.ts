import "server-only";
import { rotateSigningKeys } from "@/lib/oidc/keys";
import { deleteExpiredPayloads } from "@/lib/oidc/oidc-upkeep";
import { deliverPendingKeyEmails, wipeExpiredSealedKeys } from "@/lib/licensing/service";
import { CODE_EXPIRY_REMINDER_JOB } from "@/lib/proofing/activation-service";
import { FAIL_INSTRUCTIONS_JOB } from "@/lib/proofing/agent-service";
import { deliverPendingNotices, purgeExpiredImages } from "@/lib/proofing/capture-service";
import { redactDecidedSessions } from "@/lib/proofing/provider-retention";
import { sendExpiryReminders } from "@/lib/credentials/reminders";
import { releaseLapsedPhones } from "@/lib/phones/service";
import {
  sendAppointmentCancelled,
  sendAppointmentConfirmation,
  sendAppointmentReminder,
  sendCodeExpiryReminder,
  sendFailInstructions,
  sendMeetingLink,
} from "@/lib/proofing/video-jobs";
import { APPOINTMENT_JOBS } from "@/lib/proofing/video-service";
import { eraseClosedAccounts } from "@/lib/privacy/erasure";
import { runRetention } from "@/lib/retention/service";
import { releaseStuckSubmissions } from "@/lib/store/service";
import type { JobHandler, RecurringJob } from "./worker";

/** One-off jobs by kind. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [APPOINTMENT_JOBS.confirmation]: sendAppointmentConfirmation,
  [APPOINTMENT_JOBS.reminder]: sendAppointmentReminder,
  [APPOINTMENT_JOBS.meetingLink]: sendMeetingLink,
  [APPOINTMENT_JOBS.cancelled]: sendAppointmentCancelled,
  [FAIL_INSTRUCTIONS_JOB]: sendFailInstructions,
  [CODE_EXPIRY_REMINDER_JOB]: sendCodeExpiryReminder,
};

/**
 * Upkeep every minute: key emails whose first delivery failed and sealed key copies past their window
 * (licensing), proofing notices to retry and photos past retention (proofing).
 */
export const RECURRING_JOBS: RecurringJob[] = [
  {
    kind: "upkeep.license_keys",
    everyMs: 60_000,
    handler: async (_payload, now) => {
      await deliverPendingKeyEmails(now);
      await wipeExpiredSealedKeys(now);
    },
  },
  {
    // Emails 30, 7 and 1 days before a credential expires.
    kind: "upkeep.credential_reminders",
    everyMs: 60 * 60_000,
    handler: async (_payload, now) => {
      await sendExpiryReminders(now);
    },
  },
  {
    // Releases the phones of credentials expired 90 days ago and not renewed (warned at 60 days).
    kind: "upkeep.phone_release",
    everyMs: 60 * 60_000,
    handler: async (_payload, now) => {
      await releaseLapsedPhones(now);
    },
  },
  {
    kind: "upkeep.proofing",
    everyMs: 60_000,
    handler: async (_payload, now) => {
      await deliverPendingNotices(now);
      await purgeExpiredImages(now);
      await redactDecidedSessions(now);
    },
  },
  {
    // The provider's signing keys: a successor published a day ahead, old keys withdrawn; expired payloads.
    kind: "upkeep.oidc",
    everyMs: 60 * 60_000,
    handler: async (_payload, now) => {
      await rotateSigningKeys(now);
      await deleteExpiredPayloads(now);
    },
  },
  {
    // Orders whose payment submission died before reaching the processor go back to the buyer.
    kind: "upkeep.orders",
    everyMs: 5 * 60_000,
    handler: async (_payload, now) => {
      await releaseStuckSubmissions(now);
    },
  },
  {
    // Accounts closed 30 days ago and not reopened: their personal data is erased (lib/privacy/erasure.ts).
    kind: "upkeep.account_erasure",
    everyMs: 60 * 60_000,
    handler: async (_payload, now) => {
      await eraseClosedAccounts(now);
    },
  },
  {
    // Rows past their use and audit rows past AUDIT_RETENTION_DAYS (archived first): lib/retention.
    kind: "upkeep.retention",
    everyMs: 24 * 60 * 60_000,
    handler: async (_payload, now) => {
      await runRetention(now);
    },
  },
];
