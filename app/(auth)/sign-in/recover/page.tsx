import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageCard } from "@/components/layout/page-card";
import { env } from "@/lib/core/env";
import { ReturnPathSchema } from "@/lib/core/return-path";
import { getRecoverySignIn } from "@/lib/recovery/service";
import { readLoginChallengeCookie } from "../login-challenge-cookie";
import { RecoveryCodeForm } from "./recovery-code-form";

export const metadata: Metadata = { title: "I can't use my phones" };

export default async function RecoverSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const next = ReturnPathSchema.safeParse((await searchParams).next).data;
  const pending = await getRecoverySignIn(await readLoginChallengeCookie());
  if (!pending) redirect("/sign-in?expired=1");
  if (pending.recovered)
    redirect(next ? `/sign-in/recover/phone?next=${encodeURIComponent(next)}` : "/sign-in/recover/phone");
  const support = env().SUPPORT_EMAIL;
  return (
    <PageCard title="I can't use my phones">
      <p className="mb-4 text-sm text-slate-700">
        Enter one of your recovery codes. You will then register a new phone, which replaces the phones on
        your account; every other session is signed out, and we tell your email address and your old phones.
      </p>
      <RecoveryCodeForm next={next} />
      <section aria-labelledby="no-codes-heading" className="mt-8 border-t border-slate-200 pt-4">
        <h2 id="no-codes-heading" className="mb-2 text-base font-semibold">
          No recovery codes?
        </h2>
        <p className="text-sm text-slate-700">
          Contact MAG Customer Support at{" "}
          <a href={`mailto:${support}`} className="underline">
            {support}
          </a>
          . Support confirms who you are, then removes your lost phones; you sign in with your password and
          register a new phone.
          {pending.proofed
            ? " Because your identity was verified for your credential, support checks it again (a live video call with a proofing agent and your ID) before resetting your phones, and records that check."
            : null}
        </p>
        <p className="mt-4 text-sm">
          <Link
            href={next ? `/sign-in/verify?next=${encodeURIComponent(next)}` : "/sign-in/verify"}
            className="underline"
          >
            Back to the phone one-time passcode
          </Link>
        </p>
      </section>
    </PageCard>
  );
}
