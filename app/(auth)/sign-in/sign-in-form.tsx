"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { signInAction } from "./actions";

/** `login` prefills the field (a partner's login_hint). */
export function SignInForm({ next, login }: { next?: string; login?: string }) {
  const [state, action] = useActionState(signInAction, IDLE_STATE);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        label="Email Address or User ID"
        name="login"
        autoComplete="username"
        required
        defaultValue={state.values?.login ?? login}
        error={state.fieldErrors?.login}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
      <div className="flex items-center justify-between">
        <SubmitButton>Log In</SubmitButton>
        <Link href="/forgot-password" className="text-brand-700 text-sm underline">
          Forgot your password?
        </Link>
      </div>
      <p className="mt-6 text-sm">
        New here?{" "}
        <Link href="/sign-up" className="text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
