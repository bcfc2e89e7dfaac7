import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageCard } from "@/components/layout/page-card";
import { readReopenOffer } from "@/lib/accounts/closing";
import { formatDate } from "@/lib/core/time-zone";
import { readReopenCookie } from "./reopen-cookie";
import { ReopenForm } from "./reopen-form";

export const metadata: Metadata = { title: "Your account is closed" };

/** A closed account's owner signed in with the right password within 30 days of closing it. */
export default async function ReopenPage() {
  const offer = await readReopenOffer(await readReopenCookie());
  if (!offer) redirect("/sign-in?expired=1");
  return (
    <PageCard title="Your account is closed">
      <p className="mb-3 text-sm text-slate-700">
        You closed this MAG account. Its personal data will be erased on{" "}
        <strong>{formatDate(offer.erasesOn, null)}</strong>.
      </p>
      <p className="mb-6 text-sm text-slate-700">
        Reopen it to use it again: your profile, orders and identity verification come back. The phone OTP
        credentials revoked when you closed it stay revoked; buy a new one from the web store.
      </p>
      <ReopenForm />
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          Keep it closed
        </Link>
      </p>
    </PageCard>
  );
}
