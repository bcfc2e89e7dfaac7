import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { refuseObject } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { DomainError } from "@/lib/core/errors";
import { requestInfo } from "@/lib/web/request";
import type { ProofingStep } from "@/lib/proofing/proofing";
import { getProofingStep } from "@/lib/proofing/service";

/** The signed-in user's proofing case at `step`; a step whose predecessors are not done redirects. */
export async function loadProofingStep(params: Promise<{ id: string }>, step: ProofingStep) {
  const session = await requireUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return refuseObject(session, "credential", id);
  let page;
  try {
    page = await getProofingStep(session.userId, id, step, await requestInfo());
  } catch (error) {
    if (error instanceof DomainError && error.code === "proofing.not_required")
      redirect(`/credentials/${id}`);
    if (error instanceof DomainError) return refuseObject(session, "credential", id);
    throw error;
  }
  if (!page.allowed) redirect(`/credentials/${id}/proofing/${page.redirectTo}`);
  return page.view;
}
