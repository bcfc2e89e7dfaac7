"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { recordOutcomeAction } from "../../actions";

export function OutcomeForm({
  appointmentId,
  evidenceOptions,
  questions,
}: {
  appointmentId: string;
  evidenceOptions: { key: string; label: string }[];
  questions: { key: string; label: string }[];
}) {
  const [state, action] = useActionState(recordOutcomeAction, IDLE_STATE);
  if (state.status === "success") return <FormMessage state={state} />;
  const v = state.values ?? {};
  return (
    <form action={action} noValidate aria-label="Session outcome">
      <FormMessage state={state} />
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <fieldset className="mb-4">
        <legend className="mb-2 font-medium">Approved identity documents seen</legend>
        {evidenceOptions.map((o) => (
          <label key={o.key} className="mb-1 flex items-center gap-2 text-sm">
            <input type="radio" name="evidence" value={o.key} defaultChecked={v.evidence === o.key} />
            {o.label}
          </label>
        ))}
      </fieldset>
      {questions.map((q) => (
        <fieldset key={q.key} className="mb-3">
          <legend className="text-sm font-medium">{q.label}</legend>
          {["yes", "no"].map((answer) => (
            <label key={answer} className="mr-4 inline-flex items-center gap-1 text-sm">
              <input
                type="radio"
                name={`answer.${q.key}`}
                value={answer}
                defaultChecked={v[`answer.${q.key}`] === answer}
              />
              {answer === "yes" ? "Yes" : "No"}
            </label>
          ))}
        </fieldset>
      ))}
      <label htmlFor="instructions" className="block text-sm font-medium">
        Instructions for the applicant (required for Fail; emailed to them)
      </label>
      <textarea
        id="instructions"
        name="instructions"
        rows={3}
        defaultValue={v.instructions}
        aria-invalid={state.fieldErrors?.instructions ? true : undefined}
        className="mb-1 block w-full rounded-md border border-slate-400 px-3 py-2"
      />
      {state.fieldErrors?.instructions ? (
        <p className="mb-2 text-sm text-red-700">{state.fieldErrors.instructions}</p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-3">
        <SubmitButton name="outcome" value="PASS">
          Pass
        </SubmitButton>
        <SubmitButton name="outcome" value="FAIL" variant="danger">
          Fail
        </SubmitButton>
        <SubmitButton name="outcome" value="NO_SHOW" variant="secondary">
          No-show
        </SubmitButton>
      </div>
    </form>
  );
}
