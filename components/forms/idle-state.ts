import type { FormState } from "@/lib/web/action";

/** The state of a form before its first submission. */
export const IDLE_STATE: FormState = { status: "idle" };
