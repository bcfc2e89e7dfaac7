import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token = "" } = await searchParams;
  return (
    <PageCard title="Choose a new password">
      <ResetPasswordForm token={token} />
    </PageCard>
  );
}
