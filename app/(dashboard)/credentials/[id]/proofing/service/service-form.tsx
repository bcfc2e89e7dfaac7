"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { chooseAgentMeetingAction } from "../actions";

export function ServiceForm({ credentialId }: { credentialId: string }) {
  const [state, action] = useActionState(chooseAgentMeetingAction, IDLE_STATE);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="credentialId" value={credentialId} />
      <fieldset className="mb-4">
        <legend className="mb-2 font-medium">Proofing Service</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="service" value="agent_later" required />
          Verify my identity by meeting with an agent later
        </label>
      </fieldset>
      <SubmitButton>Schedule an Appointment</SubmitButton>
    </form>
  );
}
