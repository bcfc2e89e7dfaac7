import { Notice } from "@/components/ui/notice";
import { errorMessage } from "@/lib/errors/catalog";
import { PhoneCard } from "../phone-card";

export function InvalidCaptureSession() {
  return (
    <PhoneCard title="Identity proofing">
      <Notice tone="error">{errorMessage("proofing.link_invalid")}</Notice>
    </PhoneCard>
  );
}
