import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DomainError } from "@/lib/core/errors";
import { PageCard } from "@/components/layout/page-card";
import { nextInteractionStep } from "@/lib/oidc/interactions";
import { currentSession } from "@/lib/web/auth";
import {
  allowAction,
  cancelWithoutCredentialAction,
  continueAsAction,
  denyAction,
  getCredentialAction,
  useAnotherAccountAction,
} from "./actions";
import { ChoiceForm } from "./choice-form";

export const metadata: Metadata = { title: "Sign in to an application" };

/** What each scope lets the partner see, in the consent's words. */
const SCOPE_LABELS: Record<string, string> = {
  openid:
    "Who you are at MAG (an identifier only this application sees), how you signed in, and whether your identity was proofed",
  email: "Your email address",
  profile: "Your name",
  offline_access: "Stay signed in to the application until you revoke it",
};

function signInUrl(step: { next: string; reauth: boolean; loginHint?: string }): string {
  const query = new URLSearchParams({ next: step.next });
  if (step.reauth) query.set("reauth", "1");
  if (step.loginHint) query.set("login_hint", step.loginHint);
  return `/sign-in?${query.toString().replaceAll("%2F", "/")}`;
}

export default async function InteractionPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const session = await currentSession();
  const step = await nextInteractionStep(uid, session).catch((error: unknown) => {
    // An unknown or expired request: a visitor signs in first, a signed-in user learns it is gone.
    if (error instanceof DomainError) {
      if (!session) redirect(`/sign-in?next=/oidc/interaction/${encodeURIComponent(uid)}`);
      notFound();
    }
    throw error;
  });
  if (step.kind === "redirect") redirect(step.to);
  if (step.kind === "sign-in") redirect(signInUrl(step));
  if (step.kind === "step-up") redirect(`/verify?next=${step.next}`);
  if (step.kind === "select-account")
    return (
      <PageCard title={`Choose an account for ${step.clientName}`}>
        <p className="mb-6 text-sm text-slate-700">
          You are logged in to MAG as {step.name} ({step.email}).
        </p>
        <ChoiceForm
          uid={uid}
          primary={{ label: `Continue as ${step.name}`, action: continueAsAction }}
          secondary={{ label: "Use another account", action: useAnotherAccountAction }}
        />
      </PageCard>
    );
  if (step.kind === "needs-credential")
    return (
      <PageCard title={`${step.clientName} asks for your MAG phone one-time passcode`}>
        <p className="mb-3 text-sm text-slate-700">
          To sign in to {step.clientName}, you need a phone one-time password (OTP) credential, and you do not
          have an active one yet.
        </p>
        <p className="mb-6 text-sm text-slate-700">
          Get one in the web store: once it is activated and your phone is registered, you can continue to{" "}
          {step.clientName} from your dashboard.
        </p>
        {/* Get 2FA: the store, then back to the partner; Cancel: the partner is told no. */}
        <ChoiceForm
          uid={uid}
          primary={{ label: "Get 2FA", action: getCredentialAction }}
          secondary={{ label: "Cancel", action: cancelWithoutCredentialAction }}
        />
      </PageCard>
    );
  return (
    <PageCard title={`${step.clientName} wants to use your MAG account`}>
      <p className="mb-3 text-sm text-slate-700">If you allow it, {step.clientName} will see:</p>
      <ul className="mb-6 list-disc space-y-1 pl-5 text-sm">
        {step.scopes
          .filter((s) => SCOPE_LABELS[s])
          .map((s) => (
            <li key={s}>{SCOPE_LABELS[s]}</li>
          ))}
      </ul>
      <p className="mb-4 text-sm text-slate-700">
        You can revoke it any time under My Account › Connected Applications.
      </p>
      <ChoiceForm
        uid={uid}
        primary={{ label: "Allow", action: allowAction }}
        secondary={{ label: "Deny", action: denyAction }}
      />
    </PageCard>
  );
}
