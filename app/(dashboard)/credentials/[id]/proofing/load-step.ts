import "server-only";
import { redirect } from "next/navigation";
import { loadOwned } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { DomainError } from "@/lib/core/errors";
import { requestInfo } from "@/lib/web/request";
import type { ProofingStep } from "@/lib/proofing/proofing";
import { getProofingStep } from "@/lib/proofing/service";

/** The signed-in user's proofing case at `step`; a step whose predecessors are not done redirects. */
export async function loadProofingStep(params: Promise<{ id: string }>, step: ProofingStep) {
  const session = await requireUser();
  const { id } = await params;
  const request = await requestInfo();
  const page = await loadOwned(session, "credential", id, (id) =>
    getProofingStep(session.userId, id, step, request).catch((error: unknown) => {
      // A credential that needs no proofing is the user's own: back to its page.
      if (error instanceof DomainError && error.code === "proofing.not_required")
        redirect(`/credentials/${id}`);
      throw error;
    }),
  );
  if (!page.allowed) redirect(`/credentials/${id}/proofing/${page.redirectTo}`);
  return page.view;
}
