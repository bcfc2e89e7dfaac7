import type { Metadata } from "next";
import Link from "next/link";
import { PageCard } from "@/components/layout/page-card";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/web/auth";
import { ReturnPathSchema } from "@/lib/core/return-path";
import { listSignInPhones } from "@/lib/phones/service";
import { StepUpForm } from "./step-up-form";

export const metadata: Metadata = { title: "Confirm it's you" };

/** A fresh phone OTP for the signed-in user: the consoles and staff actions send here when theirs is too old. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const session = await requireUser();
  const parsed = ReturnPathSchema.safeParse((await searchParams).next);
  const next = (parsed.success && parsed.data) || "/dashboard";
  const phones = await listSignInPhones(session.userId);
  return (
    <PageCard title="Confirm it's you">
      <Notice tone="info">
        The page you asked for needs a phone one-time passcode from this session: at sign-in for the
        administration pages (within 12 hours), or within 20 minutes for changes to phones and to other
        people&apos;s access.
      </Notice>
      {phones.length > 0 ? (
        <StepUpForm phones={phones} next={next} />
      ) : (
        <p className="mt-4">
          You have no registered phone yet.{" "}
          <Link href="/dashboard" className="text-brand-700 underline">
            Go to My 2FA Credentials
          </Link>{" "}
          to register one.
        </p>
      )}
    </PageCard>
  );
}
