import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { ReportSignInForm } from "./report-sign-in-form";

export const metadata: Metadata = { title: "This wasn't me" };

/**
 * The link in a new-device sign-in email (lib/accounts/new-device.ts). Opening it changes nothing (mail
 * scanners open links); the button does.
 */
export default async function ThisWasntMePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token = "" } = await searchParams;
  return (
    <PageCard title="A sign-in you do not recognise">
      <p className="mb-3 text-sm text-slate-700">
        Choose <strong>This wasn&apos;t me</strong> to sign that browser out of your MAG account at once. You
        then choose a new password, which signs out every other browser too.
      </p>
      <p className="mb-6 text-sm text-slate-700">
        Someone who signed in knew your password. Use a new one that you use nowhere else.
      </p>
      <ReportSignInForm token={token} />
    </PageCard>
  );
}
