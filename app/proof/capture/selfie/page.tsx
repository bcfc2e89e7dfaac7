import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PhoneCard } from "../../phone-card";
import { InvalidCaptureSession } from "../invalid-session";
import { loadCapture, nextCapturePage } from "../load-capture";
import { PhotoForm } from "../photo-form";

export const metadata: Metadata = { title: "Capture a photo of yourself" };

export default async function CaptureSelfiePage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; picker?: string }>;
}) {
  const capture = await loadCapture();
  if (!capture) return <InvalidCaptureSession />;
  const next = nextCapturePage(capture);
  if (next !== "/proof/capture/selfie") redirect(next);
  const { error, picker } = await searchParams;
  return (
    <PhoneCard title="Capture a photo of yourself">
      <p className="mb-4 text-sm text-slate-700">
        Capture a photo of yourself. This is required. Face the camera in good light, without glasses or a
        hat.
      </p>
      <PhotoForm
        step="selfie"
        error={error}
        picker={picker === "1"}
        submitLabel="Submit"
        inputs={[{ name: "SELFIE", label: "Photo of yourself", camera: "user", done: false }]}
      />
    </PhoneCard>
  );
}
