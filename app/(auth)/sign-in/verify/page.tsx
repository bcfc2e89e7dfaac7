import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageCard } from "@/components/layout/page-card";
import { getPendingSignIn } from "@/lib/accounts/service";
import { ReturnPathSchema } from "@/lib/core/return-path";
import { readLoginChallengeCookie } from "../login-challenge-cookie";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Phone one-time passcode" };

export default async function VerifySignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const parsed = ReturnPathSchema.safeParse((await searchParams).next);
  const pending = await getPendingSignIn(await readLoginChallengeCookie());
  if (!pending) redirect("/sign-in?expired=1");
  const next = parsed.success ? parsed.data : undefined;
  const withNext = (path: string) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);
  if (pending.recovered) redirect(withNext("/sign-in/recover/phone"));
  return (
    <PageCard title="Phone one-time passcode">
      <p className="mb-4 text-sm text-slate-700">
        Your account is protected by a phone one-time passcode. Choose a phone, then Send Text or Send Voice.
      </p>
      <VerifyForm phones={pending.phones} next={next} />
      <p className="mt-6 text-sm">
        <Link href={withNext("/sign-in/recover")} className="underline">
          I can&apos;t use my phones
        </Link>
      </p>
    </PageCard>
  );
}
