import type { ReactNode } from "react";
import Link from "next/link";
import { PageCard } from "@/components/layout/page-card";
import { StepIndicator } from "@/components/layout/step-indicator";

const STEPS = [
  { id: "country", label: "Country" },
  { id: "method", label: "Method" },
  { id: "name", label: "Name" },
  { id: "terms", label: "Terms" },
  { id: "identity", label: "Identity" },
  { id: "capture", label: "Photos" },
  { id: "result", label: "Result" },
] as const;

/** Live video proofing's own path (user guide, "To complete the Live Video Proofing"). */
const VIDEO_STEPS = [
  { id: "country", label: "Country" },
  { id: "method", label: "Method" },
  { id: "review", label: "Review" },
  { id: "appointment", label: "Appointment" },
  { id: "confirm", label: "Confirm" },
  { id: "meeting", label: "Meeting" },
  { id: "code", label: "Code" },
] as const;

const VIDEO_ONLY = new Set(["review", "appointment", "confirm", "meeting", "code"]);

const INDICATOR_STEP: Record<string, string> = {
  instructions: "name",
  mobile: "identity",
  kba: "identity",
};

/**
 * The proofing application's frame: title, step indicator (the self-service steps, or live video's once on its
 * path), and a way back to the credential.
 */
export function ProofingShell({
  step,
  credentialId,
  backStep,
  children,
}: {
  step: string;
  credentialId: string;
  backStep?: string;
  children: ReactNode;
}) {
  return (
    <PageCard title="Identity Proofing" wide>
      <StepIndicator
        steps={VIDEO_ONLY.has(step) ? VIDEO_STEPS : STEPS}
        current={INDICATOR_STEP[step] ?? step}
        label="Proofing steps"
      />
      {children}
      <p className="mt-6 flex gap-6 text-sm">
        {backStep ? (
          <Link
            href={`/credentials/${credentialId}/proofing/${backStep}`}
            className="text-brand-700 underline"
          >
            Back
          </Link>
        ) : null}
        <Link href={`/credentials/${credentialId}`} className="text-brand-700 underline">
          Back to the credential
        </Link>
      </p>
    </PageCard>
  );
}
