import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { loadOwned } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { pendingActivationCode } from "@/lib/proofing/activation-service";
import { ActivateCodeForm } from "./activate-code-form";

export const metadata: Metadata = { title: "Activate Proofing Code" };

export default async function ActivateCodePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireUser();
  const { id } = await params;
  const pending = await loadOwned(session, "credential", id, (id) =>
    pendingActivationCode(session.userId, id),
  );
  return (
    <PageCard title="Activate Proofing Code">
      <p className="mb-4 text-sm text-slate-700">
        Enter the activation code provided to you by the Proofing Agent, then click Continue. The code expires{" "}
        {pending.expiresAt.toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" })}.
      </p>
      <ActivateCodeForm credentialId={id} />
    </PageCard>
  );
}
