import type { Metadata } from "next";
import Link from "next/link";
import { PageCard } from "@/components/layout/page-card";
import { env } from "@/lib/core/env";

export const metadata: Metadata = { title: "Help" };

const STEPS: [string, string][] = [
  [
    "Create your account",
    "Sign Up with your name, email address and a user ID, then open the link we email you.",
  ],
  ["Log in", "With your email address or user ID and your password."],
  ["Open My 2FA Credentials", "On the dashboard, select Get 2FA to reach the web store."],
  [
    "Buy a phone OTP credential",
    "Choose your partner and a product with or without identity proofing, fill in your primary information and billing address, then pay by card or choose an invoice (the license key comes after full payment).",
  ],
  [
    "Activate your license key",
    "From the confirmation page or the email, select Activate, or enter the key on the dashboard.",
  ],
  [
    "Complete identity proofing when your product includes it",
    "Self-service mobile proofing in the United States, or live video proofing with an agent, who gives you an activation code valid for 30 days.",
  ],
  ["Register your phones", "Up to three numbers, each confirmed with a code by text or voice call."],
  ["Save your recovery codes", "They sign you in once each if you ever lose all your phones."],
];

export default function HelpPage() {
  const { SUPPORT_EMAIL, SUPPORT_HOURS } = env();
  return (
    <PageCard title="Help" wide>
      <section aria-labelledby="start-heading" className="mb-6">
        <h2 id="start-heading" className="mb-2 text-xl font-semibold">
          Getting started
        </h2>
        <ol className="list-inside list-decimal space-y-2 text-sm">
          {STEPS.map(([step, text]) => (
            <li key={step}>
              <span className="font-medium">{step}.</span> {text}
            </li>
          ))}
        </ol>
        <p className="mt-3 text-sm">
          Before a live video appointment, read the{" "}
          <Link href="/help/identity-proofing" className="text-brand-700 underline">
            Identity Proofing Resource
          </Link>
          .
        </p>
      </section>
      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading" className="mb-2 text-xl font-semibold">
          Contact support
        </h2>
        <p className="text-sm">
          Email MAG Customer Support at{" "}
          <a href={`mailto:${SUPPORT_EMAIL}`} className="text-brand-700 underline">
            {SUPPORT_EMAIL}
          </a>{" "}
          ({SUPPORT_HOURS}). Say which account (email address or user ID) and what you were doing; never send
          your password, a code or your Social Security Number.
        </p>
      </section>
    </PageCard>
  );
}
