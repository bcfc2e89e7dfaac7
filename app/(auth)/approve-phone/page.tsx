import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { ApprovePhoneForm } from "./approve-phone-form";

export const metadata: Metadata = { title: "Allow a code to your phone" };

/** The emailed link for a phone whose SIM was swapped in the last 72 hours (lib/accounts/service.ts). */
export default async function ApprovePhonePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token = "" } = await searchParams;
  return (
    <PageCard title="Allow a code to your phone">
      <p className="mb-3 text-sm text-slate-700">
        Your mobile carrier reports that this phone&apos;s SIM card was changed or moved to another carrier in
        the last 72 hours, so we did not send a sign-in code to it.
      </p>
      <p className="mb-6 text-sm text-slate-700">
        Allow one code only if you changed your SIM or carrier yourself and are signing in now. If you are not
        signing in, do not allow it: change your password and contact MAG Customer Support.
      </p>
      <ApprovePhoneForm token={token} />
    </PageCard>
  );
}
