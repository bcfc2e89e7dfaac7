import "server-only";
import { twilioClient } from "./twilio-client";

/**
 * What a carrier lookup says of a number: Twilio Lookup's line type (mobile, landline, fixedVoip,
 * nonFixedVoip, personal, tollFree, premium, sharedCost, uan, voicemail, pager, unknown) and the last SIM
 * swap or port, when the carrier reports one.
 */
export type LineInfo = { lineType: string; simSwappedAt: Date | null };
export type LineLookup = { lookUp(e164: string, now: Date): Promise<LineInfo> };

/**
 * Magic numbers of the local provider, so the demo and the tests reach each branch: an internet (VoIP) line,
 * a landline and a SIM swapped an hour ago. Every other number is "unknown": the built-in rules decide.
 */
export const LOCAL_VOIP_NUMBER = "+12025550197";
export const LOCAL_LANDLINE_NUMBER = "+13035550197";
export const LOCAL_SIM_SWAP_NUMBER = "+13125550197";

export const localLineLookup: LineLookup = {
  lookUp(e164, now) {
    if (e164 === LOCAL_VOIP_NUMBER) return Promise.resolve({ lineType: "nonFixedVoip", simSwappedAt: null });
    if (e164 === LOCAL_LANDLINE_NUMBER) return Promise.resolve({ lineType: "landline", simSwappedAt: null });
    if (e164 === LOCAL_SIM_SWAP_NUMBER)
      return Promise.resolve({ lineType: "mobile", simSwappedAt: new Date(now.getTime() - 60 * 60_000) });
    return Promise.resolve({ lineType: "unknown", simSwappedAt: null });
  },
};

/** Lookup must never hold up a sign-in: past this, the send goes on with the built-in rules. */
export const LOOKUP_TIMEOUT_MS = 2_000;

type LookupResult = {
  lineTypeIntelligence?: { type?: string | null } | null;
  // The SDK renames the outer field only: the inner object keeps the API's own names.
  simSwap?: { lastSimSwap?: { last_sim_swap_date?: string | null } | null } | null;
};

/** Twilio Lookup v2: line type intelligence and, where the account has it, SIM swap. */
export function twilioLineLookup(config: { accountSid: string; authToken: string; apiBaseUrl?: string }) {
  const client = twilioClient(config, LOOKUP_TIMEOUT_MS);
  return {
    async lookUp(e164: string): Promise<LineInfo> {
      const result = (await client.lookups.v2
        .phoneNumbers(e164)
        .fetch({ fields: "line_type_intelligence,sim_swap" })) as LookupResult;
      const swapped = result.simSwap?.lastSimSwap?.last_sim_swap_date;
      return {
        lineType: result.lineTypeIntelligence?.type ?? "unknown",
        simSwappedAt: swapped ? new Date(swapped) : null,
      };
    },
  } satisfies LineLookup;
}
