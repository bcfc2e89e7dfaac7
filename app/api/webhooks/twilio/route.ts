import { handleTwilioStatus } from "@/lib/messaging/twilio-status";

export const dynamic = "force-dynamic";

const STATUS = { accepted: 204, forbidden: 403, not_found: 404 } as const;

export async function POST(request: Request) {
  const outcome = await handleTwilioStatus(await request.text(), request.headers.get("x-twilio-signature"));
  return new Response(null, { status: STATUS[outcome] });
}
