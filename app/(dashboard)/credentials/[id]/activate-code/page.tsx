import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { loadOwned } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { Notice } from "@/components/ui/notice";
import { openCodeRequest, pendingActivationCode } from "@/lib/proofing/activation-service";
import { ActivateCodeForm } from "./activate-code-form";
import { requestNewCodeAction } from "./actions";
import { formatDate } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Activate Proofing Code" };

export default async function ActivateCodePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireUser();
  const tz = await readerTimeZone();
  const { id } = await params;
  const pending = await loadOwned(session, "credential", id, (id) =>
    pendingActivationCode(session.userId, id),
  );
  const requestedAt = await openCodeRequest(id);
  const expired = pending.expiresAt <= new Date();
  return (
    <PageCard title="Activate Proofing Code">
      <p className="mb-4 text-sm text-slate-700">
        Enter the activation code provided to you by the Proofing Agent, then click Continue. The code{" "}
        {expired ? "expired" : "expires"} {formatDate(pending.expiresAt, tz)}.
      </p>
      <ActivateCodeForm credentialId={id} />
      <section aria-labelledby="lost-code-heading" className="mt-8 border-t border-slate-200 pt-4">
        <h2 id="lost-code-heading" className="mb-2 text-base font-semibold">
          Lost your code, or has it expired?
        </h2>
        {requestedAt ? (
          <Notice tone="info">
            You asked for a new activation code on {formatDate(requestedAt, tz)}. The proofing agent who
            verified you will contact you to re-check your identity, then give you a new code; the old one
            stops working.
          </Notice>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700">
              Nobody can look the code up again. Ask for a new one: the proofing agent who verified you
              re-checks your identity with you, then issues a new code. You do not pay or go through proofing
              again.
            </p>
            <ActionButtonForm
              action={requestNewCodeAction}
              fields={{ credentialId: id }}
              label="Request a New Activation Code"
              variant="secondary"
            />
          </>
        )}
      </section>
    </PageCard>
  );
}
