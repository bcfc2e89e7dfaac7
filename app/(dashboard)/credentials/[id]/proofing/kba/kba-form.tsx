"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import type { KbaQuestion } from "@/lib/proofing/proofing";
import { answerKbaAction } from "../actions";

export function KbaForm({ credentialId, questions }: { credentialId: string; questions: KbaQuestion[] }) {
  const [state, action] = useActionState(answerKbaAction, IDLE_STATE);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="credentialId" value={credentialId} />
      {questions.map((q, i) => {
        const name = `answer.${q.id}`;
        const error = state.fieldErrors?.[name];
        return (
          <fieldset key={q.id} className="mb-5" aria-describedby={error ? `${name}-error` : undefined}>
            <legend className="mb-2 font-medium">
              {i + 1}. {q.prompt}
            </legend>
            {q.choices.map((choice) => (
              <label key={choice} className="mb-1 flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={name}
                  value={choice}
                  defaultChecked={state.values?.[name] === choice}
                />
                {choice}
              </label>
            ))}
            {error ? (
              <p id={`${name}-error`} className="text-sm text-red-700">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <SubmitButton>Next</SubmitButton>
    </form>
  );
}
