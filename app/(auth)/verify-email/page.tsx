import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { VerifyEmailForm } from "./verify-email-form";

export const metadata: Metadata = { title: "Verify your email address" };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token = "" } = await searchParams;
  return (
    <PageCard title="Verify your email address">
      <p className="mb-4">Confirm that this email address is yours to activate your MAG account.</p>
      <VerifyEmailForm token={token} />
    </PageCard>
  );
}
