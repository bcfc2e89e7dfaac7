import type { FormState } from "@/lib/core/action";

/** The state of a form before its first submission. */
export const IDLE_STATE: FormState = { status: "idle" };
