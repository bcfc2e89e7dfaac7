import type { Metadata } from "next";
import Link from "next/link";
import { PageCard } from "@/components/layout/page-card";
import { PartnerReturnBanner } from "@/components/layout/partner-return-banner";
import { Notice } from "@/components/ui/notice";
import { getProfile } from "@/lib/accounts/service";
import { loadOwned } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { defaultPhoneCountry, PHONE_COUNTRY_OPTIONS } from "@/lib/phones/phones";
import { getPhoneSetup } from "@/lib/phones/service";
import { NewPhoneForm } from "@/components/forms/new-phone-form";
import { confirmPhoneAction, sendPhoneCodeAction } from "./actions";

export const metadata: Metadata = { title: "Set up phone one-time passcode" };

export default async function PhoneSetupPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ added?: string }>;
}) {
  const session = await requireUser();
  const setup = await loadOwned(session, "credential", (await params).id, (id) => getPhoneSetup(session, id));
  const { added } = await searchParams;
  const profile = await getProfile(session.userId);
  return (
    <PageCard title="Set up phone one-time passcode" wide>
      {added ? (
        <Notice tone="success">
          Your phone number is registered. You can now access the desired applications with your phone
          one-time passcode. In case you ever lose all your phones, create recovery codes on{" "}
          <Link href="/account/manage-otp#recovery" className="underline">
            Manage OTP
          </Link>
          .
        </Notice>
      ) : null}
      <PartnerReturnBanner userId={session.userId} />
      {setup.phones.length > 0 ? (
        <section aria-labelledby="phones-heading" className="mb-6">
          <h2 id="phones-heading" className="mb-2 text-lg font-semibold">
            Your phone numbers
          </h2>
          <ul className="space-y-1">
            {setup.phones.map((p) => (
              <li key={p.id} className="font-mono">
                {p.label}{" "}
                {p.isDefault ? <span className="font-sans text-xs text-slate-600">(default)</span> : null}
              </li>
            ))}
          </ul>
          {setup.phones.length === 1 ? (
            <p className="mt-3 text-sm text-slate-700">
              We highly recommend registering at least two phone numbers: if you lose access to one, you can
              log in with the other and update your numbers.
            </p>
          ) : null}
        </section>
      ) : null}
      {setup.isFull ? (
        <p>You have registered the maximum of three phone numbers.</p>
      ) : setup.needsSignIn ? (
        <Notice tone="info">
          For the protection of your account, phone numbers can be added only within 12 hours of logging in
          with your password. Please sign out and log in again.
        </Notice>
      ) : setup.needsFreshOtp ? (
        <Notice tone="info">
          For the protection of your account, phone numbers can be added only within 20 minutes of a phone
          one-time passcode on a phone you already registered.{" "}
          <Link
            href={`/verify?next=/credentials/${setup.credentialId}/phones`}
            className="text-brand-700 underline"
          >
            Confirm it&apos;s you
          </Link>
        </Notice>
      ) : (
        <>
          <h2 className="mb-2 text-lg font-semibold">
            {setup.phones.length === 0 ? "Register your phone number" : "Register another phone number"}
          </h2>
          <NewPhoneForm
            sendAction={sendPhoneCodeAction}
            confirmAction={confirmPhoneAction}
            hidden={{ credentialId: setup.credentialId }}
            countries={PHONE_COUNTRY_OPTIONS}
            defaultCountry={defaultPhoneCountry(profile.country)}
          />
        </>
      )}
      <p className="mt-6 text-sm">
        <Link href="/dashboard" className="text-brand-700 underline">
          Back to the dashboard
        </Link>
      </p>
    </PageCard>
  );
}
