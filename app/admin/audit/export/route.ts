import { AuditFilterInputSchema } from "@/lib/audit/schemas";
import { auditLogCsv, searchAuditLog } from "@/lib/audit/service";
import { requireRole, SUPPORT_ROLES } from "@/lib/web/auth";

/** Export CSV: the viewer's rows for the same filters, as a download. */
export async function GET(request: Request) {
  await requireRole(SUPPORT_ROLES);
  const parsed = AuditFilterInputSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response("Invalid filters.", { status: 400 });
  const csv = auditLogCsv(await searchAuditLog(parsed.data));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
