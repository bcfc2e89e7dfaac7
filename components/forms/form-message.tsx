import type { FormState } from "@/lib/web/action";
import { Notice } from "@/components/ui/notice";

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return <Notice tone={state.status === "error" ? "error" : "success"}>{state.message}</Notice>;
}
