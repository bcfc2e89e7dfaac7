import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { errorMessage } from "@/lib/errors/catalog";
import { isLinkUsable } from "@/lib/proofing/capture-service";
import { PhoneCard } from "../phone-card";
import { StartCaptureForm } from "./start-form";

export const metadata: Metadata = { title: "Identity proofing", referrer: "no-referrer" };

/** The texted link. Opening it changes nothing (link previews open links too); the button claims it. */
export default async function ProofingLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await isLinkUsable(token))) {
    return (
      <PhoneCard title="Identity proofing">
        <Notice tone="error">{errorMessage("proofing.link_invalid")}</Notice>
      </PhoneCard>
    );
  }
  return (
    <PhoneCard title="Identity proofing">
      <p className="mb-3 text-sm text-slate-700">
        You will take three photos with this phone: the front and the back of your driver&apos;s license or
        passport, then a photo of yourself.
      </p>
      <ul className="mb-5 list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>Place the document on a dark, plain surface in good light.</li>
        <li>Fill the frame with the document; avoid glare and shadows.</li>
        <li>For the selfie, face the camera without glasses or a hat.</li>
      </ul>
      <StartCaptureForm token={token} />
    </PhoneCard>
  );
}
