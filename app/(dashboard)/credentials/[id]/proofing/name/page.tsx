import type { Metadata } from "next";
import Link from "next/link";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { Notice } from "@/components/ui/notice";
import { confirmNameAction } from "../actions";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";
import { CorrectNameForm } from "./correct-name-form";

export const metadata: Metadata = { title: "Confirm your Full Name" };

export default async function NamePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ correct?: string; corrected?: string }>;
}) {
  const view = await loadProofingStep(params, "name");
  const { correct, corrected } = await searchParams;
  const { firstName, lastName } = view.fullName;
  return (
    <ProofingShell step="name" credentialId={view.credentialId} backStep="method">
      <h2 className="mb-2 text-xl font-semibold">Confirm your Full Name</h2>
      {corrected ? <Notice tone="success">Your name is updated. Confirm it to continue.</Notice> : null}
      <p className="mb-2 text-sm text-slate-700">
        Your name must match the identity document you will photograph.
      </p>
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="font-medium">Full Name</dt>
        <dd>
          {firstName} {lastName}
        </dd>
      </dl>
      {correct ? (
        <CorrectNameForm credentialId={view.credentialId} firstName={firstName} lastName={lastName} />
      ) : (
        <div className="flex flex-wrap items-center gap-4">
          <ActionButtonForm
            action={confirmNameAction}
            fields={{ credentialId: view.credentialId }}
            label="Next"
          />
          <Link
            href={`/credentials/${view.credentialId}/proofing/name?correct=1`}
            className="border-brand-700 text-brand-700 hover:bg-brand-50 inline-flex items-center justify-center rounded-md border bg-white px-4 py-2 text-sm font-semibold"
          >
            MY NAME IS INCORRECT
          </Link>
        </div>
      )}
    </ProofingShell>
  );
}
