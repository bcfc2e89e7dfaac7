import Link from "next/link";
import type { ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { SubTabs } from "@/components/layout/sub-tabs";
import { FRESH_OTP_WINDOW_MS } from "@/lib/otp/policy";
import { hasFreshOtp } from "@/lib/sessions/service";
import { requireRole, STAFF_ROLES, SUPPORT_ROLES } from "@/lib/web/auth";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireRole(STAFF_ROLES);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Administration</h1>
      {hasFreshOtp(session, new Date(), FRESH_OTP_WINDOW_MS) ? null : (
        <Notice tone="info">
          Actions that change someone&apos;s access need a phone one-time passcode within the last 20 minutes.{" "}
          <Link href="/verify?next=/admin" className="text-brand-700 underline">
            Confirm it&apos;s you
          </Link>
        </Notice>
      )}
      <SubTabs
        tabs={[
          ...(SUPPORT_ROLES.includes(session.role)
            ? [
                { href: "/admin", label: "Users" },
                { href: "/admin/orders", label: "Orders" },
                { href: "/admin/invoices", label: "Invoices" },
                { href: "/admin/schedule", label: "Appointments" },
                { href: "/admin/audit", label: "Audit Log" },
              ]
            : []),
          ...(session.role === "ADMIN"
            ? [{ href: "/admin/partner-applications", label: "Partner Applications" }]
            : []),
          ...(session.role === "PROOFING_AGENT" ? [{ href: "/admin/proofing", label: "Proofing" }] : []),
        ]}
        label="Administration"
      />
      <div className="rounded-lg bg-white p-6 shadow">{children}</div>
    </div>
  );
}
