import type { Metadata } from "next";
import Link from "next/link";
import { PageCard } from "@/components/layout/page-card";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { loadOwned } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { CREDENTIAL_STATUS_LABELS } from "@/lib/credentials/credentials";
import { credentialTimelines } from "@/lib/credentials/service";
import { listCredentials } from "@/lib/licensing/service";
import { pendingActivationCode } from "@/lib/proofing/activation-service";
import { formatDate, zoneName } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Your credential" };

const PROOFING_METHODS = [
  {
    name: "Self-Service Mobile Proofing",
    text: "If you are located in the United States, complete proofing with your smartphone's camera, your Social Security Number and your driver's license or passport.",
  },
  {
    name: "Live Video Proofing",
    text: "Schedule a live video session with a proofing agent. Required outside the United States; also for US users who cannot complete self-service proofing.",
  },
];

export default async function CredentialPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ activated?: string }>;
}) {
  const session = await requireUser();
  const { id } = await params;
  const credential = await loadOwned(session, "credential", id, async (id) =>
    (await listCredentials(session.userId)).find((c) => c.id === id),
  );
  const { activated } = await searchParams;
  const pendingCode = await pendingActivationCode(session.userId, credential.id);
  const [[timeline], tz] = await Promise.all([
    credentialTimelines(session.userId, "user", { credentialId: credential.id }),
    readerTimeZone(),
  ]);
  return (
    <PageCard title={credential.productName} wide>
      {activated ? <Notice tone="success">Your license key is activated.</Notice> : null}
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Status</dt>
        <dd>{CREDENTIAL_STATUS_LABELS[credential.status]}</dd>
        <dt className="font-medium">Expires</dt>
        <dd>{formatDate(credential.expiresAt, tz)}</dd>
        {credential.keyHint ? (
          <>
            <dt className="font-medium">License key</dt>
            <dd>ending in {credential.keyHint}</dd>
          </>
        ) : null}
      </dl>
      {credential.status === "PROOFING_REQUIRED" ? (
        <section aria-labelledby="proofing-heading">
          <h2 id="proofing-heading" className="mb-2 text-xl font-semibold">
            Select your proofing method
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            This credential requires identity proofing before you register your phones.
          </p>
          <ul className="grid gap-4 sm:grid-cols-2">
            {PROOFING_METHODS.map((m) => (
              <li key={m.name} className="rounded-md border border-slate-300 p-4">
                <h3 className="font-semibold">{m.name}</h3>
                <p className="text-sm text-slate-700">{m.text}</p>
              </li>
            ))}
          </ul>
          <div className="mt-4 flex flex-wrap gap-4">
            {pendingCode ? (
              <ButtonLink href={`/credentials/${credential.id}/activate-code`}>Activate</ButtonLink>
            ) : (
              <ButtonLink href={`/credentials/${credential.id}/proofing`}>Start Identity Proofing</ButtonLink>
            )}
          </div>
        </section>
      ) : null}
      {credential.status === "ACTIVE" ? (
        <ButtonLink href={`/credentials/${credential.id}/phones`} variant="secondary">
          Manage phone numbers
        </ButtonLink>
      ) : null}
      {credential.status === "PHONE_REGISTRATION_REQUIRED" ? (
        <section aria-labelledby="register-heading">
          <h2 id="register-heading" className="mb-2 text-xl font-semibold">
            Register your phone
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            Next, register up to three phone numbers to receive your one-time passcodes.
          </p>
          <ButtonLink href={`/credentials/${credential.id}/phones`}>
            Set up phone one-time passcode
          </ButtonLink>
        </section>
      ) : null}
      {timeline ? (
        <section aria-labelledby="timeline-heading" className="mt-8">
          <h2 id="timeline-heading" className="mb-2 text-xl font-semibold">
            Timeline
          </h2>
          <ol aria-label="Timeline" className="space-y-2 border-l-2 border-slate-300 pl-4 text-sm">
            {timeline.events.map((e, i) => (
              <li key={i} className={e.upcoming ? "text-slate-500" : undefined}>
                <time dateTime={e.at.toISOString()} className="mr-2 font-mono">
                  {formatDate(e.at, tz)}
                </time>
                {e.label}
              </li>
            ))}
          </ol>
          <p className="mt-2 text-xs text-slate-600">Dates are in {zoneName(tz)}.</p>
        </section>
      ) : null}
      <p className="mt-6 text-sm">
        <Link href="/dashboard" className="text-brand-700 underline">
          Back to the dashboard
        </Link>
      </p>
    </PageCard>
  );
}
