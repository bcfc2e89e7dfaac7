import { NextResponse, type NextRequest } from "next/server";
import { ReadOutboxInputSchema } from "@/lib/messaging/schemas";
import { readOutbox } from "@/lib/messaging/service";

export const dynamic = "force-dynamic";

/** The local outbox as JSON, newest first: how demo users and e2e tests read codes and links. */
export async function GET(request: NextRequest) {
  const parsed = ReadOutboxInputSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return NextResponse.json({ error: "Invalid 'to'." }, { status: 400 });
  const messages = await readOutbox({ to: parsed.data.to });
  if (!messages) return NextResponse.json({ error: "Not found" }, { status: 404 });
  return NextResponse.json(
    messages.map(({ channel, to, subject, body, attachments, createdAt }) => ({
      channel,
      to,
      subject: subject ?? "",
      body,
      attachments,
      createdAt,
    })),
    { headers: { "Cache-Control": "no-store" } },
  );
}
