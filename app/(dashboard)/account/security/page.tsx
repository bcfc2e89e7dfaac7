import type { Metadata } from "next";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { Notice } from "@/components/ui/notice";
import { securityEventsForUser } from "@/lib/audit/service";
import { listMySessions } from "@/lib/sessions/service";
import { requireUser } from "@/lib/web/auth";
import { signOutEverywhereElseAction, signOutSessionAction } from "./actions";
import { formatDateTime } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<{ signedOut?: string }>;
}) {
  const session = await requireUser();
  const signedOut = Number((await searchParams).signedOut ?? "");
  const [sessions, events, tz] = await Promise.all([
    listMySessions(session),
    securityEventsForUser(session.userId),
    readerTimeZone(),
  ]);
  const when = (d: Date) => formatDateTime(d, tz);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-8">
      {signedOut > 0 ? (
        <Notice tone="success">
          {signedOut === 1 ? "1 other browser is" : `${signedOut} other browsers are`} signed out.
        </Notice>
      ) : null}
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-2 text-xl font-semibold">
          Where you are signed in
        </h2>
        <ul className="divide-y divide-slate-200">
          {sessions.map((s) => (
            <li
              key={s.id}
              aria-label={s.device}
              className="flex flex-wrap items-start justify-between gap-3 py-3"
            >
              <div className="text-sm">
                <p className="font-medium">
                  {s.device}
                  {s.current ? <span className="ml-2 text-xs text-green-800">(this browser)</span> : null}
                </p>
                <p className="text-slate-700">
                  {s.ip ?? "Unknown address"} · signed in {when(s.signedInAt)} · last seen{" "}
                  {when(s.lastSeenAt)}
                </p>
                <p className="text-slate-700">{s.method}</p>
              </div>
              {s.current ? null : (
                <ActionButtonForm
                  action={signOutSessionAction}
                  fields={{ sessionId: s.id }}
                  label="Sign out"
                  variant="secondary"
                />
              )}
            </li>
          ))}
        </ul>
        {others > 0 ? (
          <div className="mt-4">
            <ActionButtonForm
              action={signOutEverywhereElseAction}
              fields={{}}
              label="Sign out everywhere else"
            />
          </div>
        ) : null}
      </section>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading" className="mb-2 text-xl font-semibold">
          Recent security events
        </h2>
        {events.length === 0 ? <p className="text-sm">No events yet.</p> : null}
        <ol aria-label="Recent security events" className="space-y-1 text-sm">
          {events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at.toISOString()} className="mr-2 font-mono">
                {when(e.at)}
              </time>
              {e.label}
              {e.bySupport ? " (by MAG Customer Support)" : e.ip ? ` · from ${e.ip}` : ""}
            </li>
          ))}
        </ol>
        <p className="mt-2 text-xs text-slate-600">
          Something you do not recognise? Change your password, then sign out everywhere else.
        </p>
      </section>
    </div>
  );
}
