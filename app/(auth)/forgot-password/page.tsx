import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <PageCard title="Forgot your password?">
      <p className="mb-4">
        Enter your email address or user ID and we will email you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
    </PageCard>
  );
}
