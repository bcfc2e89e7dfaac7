import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { Notice } from "@/components/ui/notice";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; reported?: string; restored?: string }>;
}) {
  const { token = "", reported, restored } = await searchParams;
  return (
    <PageCard title="Choose a new password">
      {reported ? (
        <Notice tone="success">That browser is signed out. Choose a new password to keep it out.</Notice>
      ) : null}
      {restored ? (
        <Notice tone="success">
          Your account&apos;s email address is back, and every browser is signed out. Choose a new password.
        </Notice>
      ) : null}
      <ResetPasswordForm token={token} />
    </PageCard>
  );
}
