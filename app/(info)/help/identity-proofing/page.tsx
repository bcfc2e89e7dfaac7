import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { env } from "@/lib/core/env";
import { IDENTITY_DOCUMENTS } from "@/lib/proofing/video";

export const metadata: Metadata = { title: "Identity Proofing Resource" };

const PRIMARY = ["passport", "drivers_license", "state_id", "military_id", "resident_card"] as const;
const SECONDARY = ["birth_certificate", "social_security_card", "utility_bill"] as const;

export default function IdentityProofingResourcePage() {
  return (
    <PageCard title="Identity Proofing Resource" wide>
      <div className="space-y-6 text-sm">
        <section aria-labelledby="self-service-heading">
          <h2 id="self-service-heading" className="mb-2 text-xl font-semibold">
            Self-Service Mobile Proofing (United States)
          </h2>
          <ul className="list-inside list-disc space-y-1">
            <li>
              Your Social Security Number, your home address and a US mobile phone that can receive texts.
            </li>
            <li>
              An unexpired US driver&apos;s license, state ID or passport: you photograph its front and back.
            </li>
            <li>A selfie taken with the same phone, in good light, without a hat or sunglasses.</li>
            <li>Some people are asked a few questions about their credit history; answer from memory.</li>
          </ul>
        </section>
        <section aria-labelledby="video-heading">
          <h2 id="video-heading" className="mb-2 text-xl font-semibold">
            Live Video Proofing (any country)
          </h2>
          <p className="mb-2">The agent accepts one unexpired government photo ID:</p>
          <ul className="mb-2 list-inside list-disc">
            {PRIMARY.map((d) => (
              <li key={d}>{IDENTITY_DOCUMENTS[d]}</li>
            ))}
          </ul>
          <p className="mb-2">or two other documents with your name, one of them from this list:</p>
          <ul className="list-inside list-disc">
            {SECONDARY.map((d) => (
              <li key={d}>{IDENTITY_DOCUMENTS[d]}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="agent-heading">
          <h2 id="agent-heading" className="mb-2 text-xl font-semibold">
            What the agent will ask
          </h2>
          <p>
            The agent confirms that you are alone, holds your documents up to the camera with you, compares
            your face with the photo and checks that your name and details match your account. They answer yes
            or no to each check; if all pass, they give you an activation code, valid for 30 days, which you
            enter under Activate. Nobody can look the code up again: if you lose it, ask for a new one on the
            Activate Proofing Code page.
          </p>
        </section>
        <section aria-labelledby="camera-heading">
          <h2 id="camera-heading" className="mb-2 text-xl font-semibold">
            Preparing your camera
          </h2>
          <ul className="list-inside list-disc space-y-1">
            <li>Use a computer with a webcam or a smartphone, on a steady connection.</li>
            <li>Sit in a quiet, well-lit room, facing the light; have your documents at hand.</li>
            <li>Open the meeting link from your email or dashboard 15 minutes before; allow the camera.</li>
          </ul>
        </section>
        <section aria-labelledby="zones-heading">
          <h2 id="zones-heading" className="mb-2 text-xl font-semibold">
            Time zones
          </h2>
          <p>
            The calendar shows times in the time zone of your browser, and your confirmation email and
            calendar invitation say the zone. Agents work Monday to Friday.
          </p>
        </section>
        <section aria-labelledby="fails-heading">
          <h2 id="fails-heading" className="mb-2 text-xl font-semibold">
            When proofing fails
          </h2>
          <p>
            Self-service proofing can be tried twice; after that, or when it is not available to you, book a
            live video appointment. A failed video session ends with the agent&apos;s instructions by email.
            After three attempts, contact MAG Customer Support at {env().SUPPORT_EMAIL}: they can grant one
            more.
          </p>
        </section>
      </div>
    </PageCard>
  );
}
