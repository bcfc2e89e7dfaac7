import type { Metadata } from "next";
import Link from "next/link";
import { PartnerReturnBanner } from "@/components/layout/partner-return-banner";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/web/auth";
import { CREDENTIAL_STATUS_LABELS } from "@/lib/credentials/credentials";
import { nextStep, type NextStep } from "@/lib/credentials/next-step";
import { listCredentials } from "@/lib/licensing/service";
import { listPendingActivationCodes } from "@/lib/proofing/activation-service";
import { formatInZone } from "@/lib/proofing/video";
import { listMyAppointments } from "@/lib/proofing/video-service";
import { formatDate, zoneName } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Dashboard" };

function NextStepLine({ step }: { step: NextStep | null }) {
  if (!step) return null;
  return (
    <p className="text-sm">
      Next:{" "}
      <Link href={step.href} className="text-brand-700 font-medium underline">
        {step.text}
      </Link>
    </p>
  );
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ recovered?: string }>;
}) {
  const session = await requireUser();
  const tz = await readerTimeZone();
  const { recovered } = await searchParams;
  const stepOf = (c: (typeof credentials)[number]) => {
    const booked = appointments.find((a) => a.credentialId === c.id);
    return nextStep({
      id: c.id,
      status: c.status,
      expiresInDays: c.expiresInDays,
      hasPendingCode: pendingCodes.has(c.id),
      appointment: booked ? { startsAt: booked.startsAt, timeZone: booked.timeZone } : undefined,
    });
  };
  const [credentials, appointments, pendingCodes] = await Promise.all([
    listCredentials(session.userId),
    listMyAppointments(session.userId),
    listPendingActivationCodes(session.userId),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Welcome, {session.firstName}</h1>
      <PartnerReturnBanner userId={session.userId} />
      {recovered ? (
        <Notice tone="success">
          Your new phone is registered and you are signed in. Check your recovery codes on{" "}
          <Link href="/account/manage-otp#recovery" className="underline">
            Manage OTP
          </Link>
          : generate a new set if you have few left or cannot find them.
        </Notice>
      ) : null}
      {credentials
        .filter((c) => c.expiresInDays !== null)
        .map((c) => (
          <Notice key={c.id} tone="info">
            Your credential {c.productName} expires{" "}
            {c.expiresInDays! <= 1 ? "tomorrow" : `in ${c.expiresInDays} days`}, on{" "}
            {formatDate(c.expiresAt, tz)} ({zoneName(tz)}).{" "}
            <Link href={`/store?renew=${c.id}`} className="text-brand-700 font-semibold underline">
              Renew
            </Link>
          </Notice>
        ))}
      <section aria-labelledby="credentials-heading" className="rounded-lg bg-white p-6 shadow">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="credentials-heading" className="text-xl font-semibold">
            My 2FA Credentials
          </h2>
          <ButtonLink href="/store">Get 2FA</ButtonLink>
        </div>
        {credentials.length === 0 ? (
          <p className="mt-4 text-slate-700">
            You have no 2FA credentials yet. A phone one-time password (OTP) credential adds a code sent to
            your phone to every login.
          </p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-200">
            {credentials.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <Link href={`/credentials/${c.id}`} className="text-brand-700 font-medium underline">
                    {c.productName}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {CREDENTIAL_STATUS_LABELS[c.status]} · {c.status === "EXPIRED" ? "Expired" : "Expires"}{" "}
                    {formatDate(c.expiresAt, tz)}
                  </p>
                  <NextStepLine step={stepOf(c)} />
                  {appointments
                    .filter((a) => a.credentialId === c.id)
                    .map((a) => (
                      <p key={a.id} className="text-sm text-slate-700">
                        Proofing appointment: {formatInZone(a.startsAt, a.timeZone)} ·{" "}
                        <Link
                          href={`/credentials/${c.id}/proofing/slot`}
                          className="text-brand-700 underline"
                        >
                          Reschedule
                        </Link>{" "}
                        ·{" "}
                        <Link
                          href={`/credentials/${c.id}/proofing/appointment`}
                          className="text-brand-700 underline"
                        >
                          Cancel
                        </Link>
                      </p>
                    ))}
                </div>
                {pendingCodes.has(c.id) ? (
                  <ButtonLink href={`/credentials/${c.id}/activate-code`}>Activate</ButtonLink>
                ) : null}
                {c.canRenew ? (
                  <ButtonLink href={`/store?renew=${c.id}`} variant="secondary">
                    Renew
                  </ButtonLink>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm">
          Have a License key?{" "}
          <Link href="/licenses/activate" className="text-brand-700 font-semibold underline">
            Enter it here
          </Link>
        </p>
      </section>
    </div>
  );
}
