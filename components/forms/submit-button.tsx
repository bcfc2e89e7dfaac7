"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** Disabled while its form is submitting, so a double click sends one request. */
export function SubmitButton({
  children,
  variant,
  name,
  value,
}: {
  children: string;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      variant={variant}
      disabled={pending}
      aria-disabled={pending}
      name={name}
      value={value}
    >
      {children}
    </Button>
  );
}
