import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PhoneCard } from "../../phone-card";
import { InvalidCaptureSession } from "../invalid-session";
import { loadCapture } from "../load-capture";
import { PhotoForm } from "../photo-form";

export const metadata: Metadata = { title: "Capture your ID" };

export default async function CaptureIdPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; picker?: string }>;
}) {
  const capture = await loadCapture();
  if (!capture) return <InvalidCaptureSession />;
  if (capture.decided) redirect("/proof/capture/done");
  const { error, picker } = await searchParams;
  return (
    <PhoneCard title="Capture your ID">
      <p className="mb-4 text-sm text-slate-700">
        Capture a photo of the back and front sides of your ID. Both are required.
      </p>
      <PhotoForm
        step="id"
        error={error}
        picker={picker === "1"}
        submitLabel="Continue"
        inputs={[
          { name: "ID_FRONT", label: "Front of your ID", camera: "environment", done: capture.has.ID_FRONT },
          { name: "ID_BACK", label: "Back of your ID", camera: "environment", done: capture.has.ID_BACK },
        ]}
      />
    </PhoneCard>
  );
}
