import type { ReactNode } from "react";
import { SubTabs } from "@/components/layout/sub-tabs";
import { requireRole, STAFF_ROLES, SUPPORT_ROLES } from "@/lib/web/auth";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireRole(STAFF_ROLES);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Administration</h1>
      <SubTabs
        tabs={[
          ...(SUPPORT_ROLES.includes(session.role)
            ? [
                { href: "/admin", label: "Users" },
                { href: "/admin/invoices", label: "Invoices" },
                { href: "/admin/audit", label: "Audit Log" },
              ]
            : []),
          ...(session.role === "PROOFING_AGENT" ? [{ href: "/admin/proofing", label: "Proofing" }] : []),
        ]}
        label="Administration"
      />
      <div className="rounded-lg bg-white p-6 shadow">{children}</div>
    </div>
  );
}
