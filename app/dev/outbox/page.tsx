import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readOutbox } from "@/lib/messaging/service";

export const metadata: Metadata = { title: "Local outbox" };
export const dynamic = "force-dynamic";

// Only exists while the local outbox delivers some channel; with real providers it is a 404.
export default async function OutboxPage() {
  const messages = await readOutbox({ take: 100 });
  if (!messages) notFound();
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Local outbox</h1>
      <p className="text-sm text-slate-700">
        Texts, voice calls and emails the portal sent while no real provider is configured, newest first.
      </p>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      <ul className="space-y-3">
        {messages.map((m, i) => (
          <li key={`${m.createdAt}-${i}`} className="rounded-lg bg-white p-4 shadow">
            <p className="text-xs text-slate-600">
              {m.channel.toUpperCase()} to {m.to} · {m.createdAt}
            </p>
            {m.subject ? <p className="font-semibold">{m.subject}</p> : null}
            <pre className="mt-2 font-sans text-sm break-words whitespace-pre-wrap">{m.body}</pre>
          </li>
        ))}
      </ul>
    </section>
  );
}
