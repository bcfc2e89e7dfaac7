import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { AuditFilterInputSchema } from "@/lib/audit/schemas";
import { AUDIT_TYPES, auditDetailText, searchAuditLog } from "@/lib/audit/service";
import { requireRole, SUPPORT_ROLES } from "@/lib/web/auth";

export const metadata: Metadata = { title: "Audit log" };

type Query = { user?: string; actor?: string; type?: string; from?: string; to?: string };

const input = "mt-1 block rounded-md border border-slate-400 px-2 py-1 text-sm";

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requireRole(SUPPORT_ROLES);
  const query = await searchParams;
  const parsed = AuditFilterInputSchema.safeParse(query);
  const rows = parsed.success ? await searchAuditLog(parsed.data) : [];
  const exportQuery = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  ).toString();
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Audit log</h2>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <label className="text-sm font-medium">
          User (email or user ID)
          <input name="user" defaultValue={query.user} className={input} />
        </label>
        <label className="text-sm font-medium">
          Actor (email or user ID)
          <input name="actor" defaultValue={query.actor} className={input} />
        </label>
        <label className="text-sm font-medium">
          Action
          <select name="type" defaultValue={query.type ?? ""} className={input}>
            <option value="">Any</option>
            {AUDIT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          From
          <input type="date" name="from" defaultValue={query.from} className={input} />
        </label>
        <label className="text-sm font-medium">
          To
          <input type="date" name="to" defaultValue={query.to} className={input} />
        </label>
        <button type="submit" className="bg-brand-700 rounded-md px-4 py-2 text-sm font-semibold text-white">
          Filter
        </button>
        <Link href={`/admin/audit/export?${exportQuery}`} className="text-brand-700 text-sm underline">
          Export CSV
        </Link>
      </form>
      {!parsed.success ? (
        <Notice tone="error">Check the filters: a date or action is not valid.</Notice>
      ) : null}
      <p className="text-sm text-slate-700">
        {rows.length} event{rows.length === 1 ? "" : "s"} (newest first, at most 500). Times are UTC.
      </p>
      {/* Focusable, so keyboard users can scroll a wide table sideways. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Audit events">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-1 pr-3">
                Time
              </th>
              <th scope="col" className="py-1 pr-3">
                Action
              </th>
              <th scope="col" className="py-1 pr-3">
                Result
              </th>
              <th scope="col" className="py-1 pr-3">
                User
              </th>
              <th scope="col" className="py-1 pr-3">
                Actor
              </th>
              <th scope="col" className="py-1 pr-3">
                IP
              </th>
              <th scope="col" className="py-1 pr-3">
                Detail
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-200 align-top">
                <td className="py-1 pr-3 whitespace-nowrap">
                  {r.createdAt.toISOString().replace("T", " ").slice(0, 19)}
                </td>
                <td className="py-1 pr-3">{r.type}</td>
                <td className="py-1 pr-3">{r.result}</td>
                <td className="py-1 pr-3">{r.subjectEmail ?? r.subjectUserId ?? ""}</td>
                <td className="py-1 pr-3">{r.actorEmail ?? r.actorId ?? ""}</td>
                <td className="py-1 pr-3">{r.ip ?? ""}</td>
                <td className="max-w-md py-1 pr-3 break-words">{auditDetailText(r.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
