import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewPhoneForm } from "@/components/forms/new-phone-form";
import { PageCard } from "@/components/layout/page-card";
import { ReturnPathSchema } from "@/lib/core/return-path";
import { PHONE_COUNTRY_OPTIONS } from "@/lib/phones/phones";
import { getRecoverySignIn } from "@/lib/recovery/service";
import { readLoginChallengeCookie } from "../../login-challenge-cookie";
import { confirmRecoveryPhoneAction, sendRecoveryPhoneCodeAction } from "../actions";

export const metadata: Metadata = { title: "Register a new phone" };

export default async function RecoveryPhonePage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const next = ReturnPathSchema.safeParse((await searchParams).next).data;
  const pending = await getRecoverySignIn(await readLoginChallengeCookie());
  if (!pending) redirect("/sign-in?expired=1");
  if (!pending.recovered) redirect("/sign-in/recover");
  return (
    <PageCard title="Register a new phone">
      <p className="mb-2 text-sm text-slate-700">
        Your recovery code was accepted. Register the phone you will use from now on; it replaces{" "}
        {pending.phones.length === 1 ? "the phone" : "the phones"} on your account:
      </p>
      <ul aria-label="Phones to replace" className="mb-4 list-inside list-disc font-mono text-sm">
        {pending.phones.map((p) => (
          <li key={p.id}>{p.label}</li>
        ))}
      </ul>
      <p className="mb-4 text-sm text-slate-700">
        You have 15 minutes. After the new phone is confirmed you are signed in, and you can add more phones
        on Manage OTP.
      </p>
      <NewPhoneForm
        sendAction={sendRecoveryPhoneCodeAction}
        confirmAction={confirmRecoveryPhoneAction}
        hidden={next ? { next } : {}}
        countries={PHONE_COUNTRY_OPTIONS}
        defaultCountry="US"
      />
    </PageCard>
  );
}
