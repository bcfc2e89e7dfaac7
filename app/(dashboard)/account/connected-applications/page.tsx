import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { listConnections } from "@/lib/oidc/connections";
import { requireUser } from "@/lib/web/auth";
import { RevokeForm } from "./revoke-form";
import { formatDate } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Connected Applications" };

export default async function ConnectedApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<{ revoked?: string }>;
}) {
  const session = await requireUser();
  const [connections, { revoked }, tz] = await Promise.all([
    listConnections(session.userId),
    searchParams,
    readerTimeZone(),
  ]);
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Connected Applications</h2>
      {revoked ? (
        <Notice tone="success">The application no longer has access; it must ask you again.</Notice>
      ) : null}
      <p className="text-sm text-slate-700">
        Partner applications you allowed to sign you in with your MAG account. Revoking one ends its access at
        once, including any sign-in it keeps.
      </p>
      {connections.length === 0 ? (
        <p>You have not allowed any application yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {connections.map((c) => (
            <li key={c.grantId} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <span>
                <span className="font-medium">{c.name}</span>
                <span className="block text-xs text-slate-600">
                  Allowed {formatDate(c.allowedAt, tz)}
                  {c.lastSignInAt ? ` · last sign-in ${formatDate(c.lastSignInAt, tz)}` : ""}
                </span>
              </span>
              <RevokeForm grantId={c.grantId} name={c.name} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
