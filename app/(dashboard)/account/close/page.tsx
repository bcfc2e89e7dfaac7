import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { ERASE_AFTER_DAYS } from "@/lib/accounts/closing";
import { getManagedPhones } from "@/lib/phones/service";
import { requireUser } from "@/lib/web/auth";
import { StepUpForm } from "../../verify/step-up-form";
import { CloseAccountForm } from "./close-form";

export const metadata: Metadata = { title: "Close My Account" };

export default async function CloseAccountPage() {
  const session = await requireUser();
  const { credentials, hasFreshOtp } = await getManagedPhones(session);
  const phones = credentials.flatMap((c) => c.phones);
  const needsPhoneCode = phones.length > 0 && !hasFreshOtp;
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Close My Account</h2>
      <section aria-labelledby="what-happens" className="space-y-2 text-sm text-slate-800">
        <h3 id="what-happens" className="font-semibold">
          What happens when you close your account
        </h3>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Your phone OTP credentials are revoked at once: your phones no longer receive sign-in codes.
          </li>
          <li>Partner applications lose access: their tokens are revoked and they cannot sign you in.</li>
          <li>Every browser signed in to your account is signed out.</li>
          <li>
            For {ERASE_AFTER_DAYS} days you can reopen the account by signing in with your password (revoked
            credentials stay revoked).
          </li>
          <li>
            After {ERASE_AFTER_DAYS} days your personal data is erased: your name, email address, User ID,
            phone numbers, recovery codes, identity proofing records (SSN, identity details) and identity
            verification.
          </li>
          <li>
            Kept, because the law or the audit trail requires it: your orders and invoices with their billing
            details (tax records, kept 7 years), and the security audit log, which then names only an
            anonymous account number.
          </li>
        </ul>
        <p>
          You may want to{" "}
          <Link href="/account/data" className="text-brand-700 underline">
            download your data
          </Link>{" "}
          first.
        </p>
      </section>
      {needsPhoneCode ? (
        <>
          <Notice tone="info">
            Your account has a phone OTP credential: confirm it is you with a phone code first.
          </Notice>
          <StepUpForm phones={phones} next="/account/close" />
        </>
      ) : (
        <CloseAccountForm />
      )}
    </div>
  );
}
