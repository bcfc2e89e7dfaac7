"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** Disabled while its form is submitting, so a double click sends one request. */
export function SubmitButton({
  children,
  variant,
  name,
  value,
  pendingText,
}: {
  children: string;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
  /** Shown while this button's submission runs ("Sending…"). */
  pendingText?: string;
}) {
  const { pending, data } = useFormStatus();
  // Of two submit buttons in one form, only the one pressed says it is working.
  const pressed = pending && (!name || data?.get(name) === value);
  return (
    <Button
      type="submit"
      variant={variant}
      disabled={pending}
      aria-disabled={pending}
      name={name}
      value={value}
    >
      {pressed && pendingText ? pendingText : children}
    </Button>
  );
}
