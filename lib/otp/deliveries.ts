import "server-only";
import { codeSendsForUser } from "@/lib/audit/service";
import { deliveryReports, type DeliveryReport } from "@/lib/messaging/service";

/** What Twilio's common delivery error codes mean, in support's words (www.twilio.com/docs/api/errors). */
const TWILIO_ERRORS: Record<string, string> = {
  "21610": "the number replied STOP to our texts",
  "30003": "phone off or out of coverage",
  "30004": "blocked by the recipient or carrier",
  "30005": "unknown or inactive number",
  "30006": "landline or unreachable carrier",
  "30007": "filtered by the carrier as spam",
  "30008": "unknown carrier error",
};

/** A delivery report in words: "delivered", "undelivered: phone off or out of coverage (30003)", … */
function statusLabel(sid: string | null, report: DeliveryReport | undefined): string {
  if (!sid) return "local outbox (demo mode)";
  if (!report) return "sent, no delivery report yet";
  if (!report.errorCode) return report.status;
  const meaning = TWILIO_ERRORS[report.errorCode];
  return `${report.status}: ${meaning ? `${meaning} ` : ""}(error ${report.errorCode})`;
}

/**
 * The codes recently sent to a user's phones with what the provider reported of each, for support
 * ("I never got my code"). No number is shown.
 */
export async function codeDeliveriesForUser(userId: string, take = 10) {
  const sends = await codeSendsForUser(userId, take);
  const reports = await deliveryReports(sends.flatMap((s) => (s.sid ? [s.sid] : [])));
  return sends.map((s) => ({
    id: s.id,
    at: s.at,
    purpose: s.purpose,
    channel: s.channel,
    status: statusLabel(s.sid, s.sid ? reports.get(s.sid) : undefined),
  }));
}
