"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { reportSignInAction } from "./actions";

export function ReportSignInForm({ token }: { token: string }) {
  const [state, report] = useActionState(reportSignInAction, IDLE_STATE);
  return (
    <form action={report} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Signing that browser out…">This wasn&apos;t me</SubmitButton>
    </form>
  );
}
