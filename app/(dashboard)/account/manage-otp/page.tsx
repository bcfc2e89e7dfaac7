import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/web/auth";
import { getManagedPhones } from "@/lib/phones/service";
import { unusedRecoveryCodes } from "@/lib/recovery/service";
import { findUpgradeOffer } from "@/lib/store/service";
import { formatMoney } from "@/lib/store/store";
import { StepUpForm } from "../../verify/step-up-form";
import { PhoneRowActions } from "./phone-actions";
import { RecoveryCodesForm } from "./recovery-codes";
import { UpgradeForm } from "./upgrade-form";

export const metadata: Metadata = { title: "Manage OTP" };

const DONE: Record<string, string> = {
  removed: "The phone number was removed.",
  default: "The default phone number was changed.",
};

export default async function ManageOtpPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const session = await requireUser();
  const { done } = await searchParams;
  const [{ credentials, hasFreshOtp }, upgrade, recoveryCodes] = await Promise.all([
    getManagedPhones(session),
    findUpgradeOffer(session.userId),
    unusedRecoveryCodes(session.userId),
  ]);
  const allPhones = credentials.flatMap((c) => c.phones);
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Manage OTP</h2>
      {done && DONE[done] ? <Notice tone="success">{DONE[done]}</Notice> : null}
      {credentials.length === 0 ? (
        <p>
          You have no active phone OTP credential yet.{" "}
          <Link href="/dashboard" className="text-brand-700 underline">
            Go to My 2FA Credentials
          </Link>
          .
        </p>
      ) : null}
      {credentials.length > 0 && !hasFreshOtp ? (
        <>
          <Notice tone="info">
            For the protection of your account, phone numbers can be added, changed or removed only within 20
            minutes of a phone one-time passcode. Confirm it is you first.
          </Notice>
          <StepUpForm phones={allPhones} next="/account/manage-otp" />
        </>
      ) : null}
      {credentials.map((c) => (
        <section key={c.id} aria-labelledby={`cred-${c.id}`} className="space-y-3">
          <h3 id={`cred-${c.id}`} className="font-semibold">
            {c.productName}
          </h3>
          <ul className="divide-y divide-slate-200">
            {c.phones.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span className="font-mono">
                  {p.label}{" "}
                  {p.isDefault ? <span className="font-sans text-xs text-slate-600">(default)</span> : null}
                </span>
                {hasFreshOtp ? (
                  <PhoneRowActions phoneId={p.id} isDefault={p.isDefault} canRemove={c.phones.length > 1} />
                ) : null}
              </li>
            ))}
          </ul>
          {hasFreshOtp && !c.isFull ? (
            <ButtonLink href={`/credentials/${c.id}/phones`} variant="secondary">
              Add a Phone Number
            </ButtonLink>
          ) : null}
        </section>
      ))}
      {credentials.length > 0 ? (
        <section id="recovery" aria-labelledby="recovery-heading" className="space-y-3">
          <h3 id="recovery-heading" className="font-semibold">
            Recovery codes
          </h3>
          <p className="text-sm text-slate-700">
            If you lose every phone, a recovery code lets you sign in and register a new one. You have{" "}
            {recoveryCodes} unused recovery code{recoveryCodes === 1 ? "" : "s"}.
          </p>
          {hasFreshOtp ? <RecoveryCodesForm hasCodes={recoveryCodes > 0} /> : null}
        </section>
      ) : null}
      {upgrade ? (
        <section aria-labelledby="upgrade-heading" className="rounded-md border border-slate-300 p-4">
          <h3 id="upgrade-heading" className="mb-2 font-semibold">
            Add Proofing Upgrade
          </h3>
          <p className="mb-2 text-sm text-slate-700">
            Your phone OTP credential was issued without identity proofing. Some partner applications require
            a proofed credential. Requirements for the proofing upgrade:
          </p>
          <ul className="mb-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>
              Buy the {upgrade.name} ({formatMoney(upgrade.priceCents, upgrade.currency)}) by card or invoice;
              with an invoice, the license key comes once it is paid in full.
            </li>
            <li>
              Complete identity proofing: self-service in the United States (your Social Security Number, a
              driver&apos;s license or passport and a smartphone), or a live video session with a proofing
              agent.
            </li>
            <li>
              Your credential keeps its phone numbers and its expiry date, and you keep signing in with them.
            </li>
          </ul>
          <UpgradeForm productId={upgrade.productId} />
        </section>
      ) : null}
    </div>
  );
}
