import { Notice } from "@/components/ui/notice";
import { ERROR_MESSAGES } from "@/lib/core/errors";
import { PhoneCard } from "../phone-card";

export function InvalidCaptureSession() {
  return (
    <PhoneCard title="Identity proofing">
      <Notice tone="error">{ERROR_MESSAGES["proofing.link_invalid"]}</Notice>
    </PhoneCard>
  );
}
