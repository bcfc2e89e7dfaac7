import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageCard } from "@/components/layout/page-card";
import { Notice } from "@/components/ui/notice";
import { ReturnPathSchema } from "@/lib/core/return-path";
import { currentSession } from "@/lib/web/auth";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Log In" };

const NOTICES: Record<string, string> = {
  signedOut: "You have signed out.",
  verified: "Your email address is verified. You can now log in.",
  passwordReset: "Your password was changed. Please log in with your new password.",
  passwordChanged: "Your password was changed and all your sessions were signed out. Please log in again.",
  expired: "Your sign-in took too long. Please log in again.",
  reopened: "Your account is open again. Please log in.",
  closed:
    "Your account is closed and you are signed out. Its personal data will be erased in 30 days; until then, logging in offers to reopen it.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const params = await searchParams;
  const parsed = ReturnPathSchema.safeParse(params.next);
  const next = parsed.success ? parsed.data : undefined;
  // A partner that asked for a new sign-in (prompt=login, max_age) gets one even when a session exists.
  if (params.reauth === undefined && (await currentSession())) redirect(next ?? "/dashboard");
  const notice = Object.keys(NOTICES).find((k) => params[k] !== undefined);
  return (
    <PageCard title="Log in to your MAG account">
      {notice ? <Notice tone="success">{NOTICES[notice]}</Notice> : null}
      {next?.startsWith("/oidc/") ? (
        <Notice tone="info">An application asked you to sign in with your MAG account.</Notice>
      ) : null}
      <SignInForm next={next} login={params.login_hint?.slice(0, 254)} />
    </PageCard>
  );
}
