import type { ReactNode } from "react";
import { SubTabs } from "@/components/layout/sub-tabs";

const TABS = [
  { href: "/account", label: "Profile" },
  { href: "/account/manage-otp", label: "Manage OTP" },
  { href: "/account/orders", label: "Orders" },
  { href: "/account/connected-applications", label: "Connected Applications" },
  { href: "/account/password", label: "Password" },
  { href: "/account/security", label: "Security" },
  { href: "/account/data", label: "Your Data" },
];

export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">My Account</h1>
      <SubTabs tabs={TABS} label="My Account" />
      <div className="rounded-lg bg-white p-6 shadow">{children}</div>
    </div>
  );
}
