import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { PhoneCard } from "../../phone-card";
import { InvalidCaptureSession } from "../invalid-session";
import { loadCapture, nextCapturePage } from "../load-capture";

export const metadata: Metadata = { title: "Photos submitted" };

export default async function CaptureDonePage() {
  const capture = await loadCapture();
  if (!capture) return <InvalidCaptureSession />;
  const next = nextCapturePage(capture);
  if (next !== "/proof/capture/done") redirect(next);
  return (
    <PhoneCard title="Photos submitted">
      {capture.passed ? (
        <Notice tone="success">Your instant proofing on this phone is complete.</Notice>
      ) : (
        <Notice tone="error">Your photos could not be verified.</Notice>
      )}
      <p className="text-sm text-slate-700">
        Return to the proofing application on your computer and click the ID PROOFING COMPLETED button.
      </p>
    </PhoneCard>
  );
}
