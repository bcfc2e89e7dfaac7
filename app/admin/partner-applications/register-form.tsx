"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, SelectField } from "@/components/ui/field";
import { registerApplicationAction } from "./actions";

export function RegisterApplicationForm({ partners }: { partners: { id: string; name: string }[] }) {
  const [state, action] = useActionState(registerApplicationAction, IDLE_STATE);
  if (state.status === "success") return <FormMessage state={state} />;
  return (
    <form action={action} noValidate aria-label="Register a partner application">
      <FormMessage state={state} />
      <Field
        label="Application Name"
        name="name"
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <Field
        label="Logo URL"
        name="logoUrl"
        hint="Optional, https only."
        defaultValue={state.values?.logoUrl}
        error={state.fieldErrors?.logoUrl}
      />
      <Field
        label="Redirect URIs"
        name="redirectUris"
        hint="One or more, separated by spaces; https and exact (http only to this machine in demo mode)."
        defaultValue={state.values?.redirectUris}
        error={state.fieldErrors?.redirectUris}
      />
      <fieldset className="mb-4">
        <legend className="text-sm font-medium text-slate-800">Allowed Scopes</legend>
        <p className="text-xs text-slate-600">
          openid is always allowed (who the user is, how they signed in).
        </p>
        {[
          ["scopeEmail", "email (email address)"],
          ["scopeProfile", "profile (name)"],
          ["scopeOfflineAccess", "offline_access (refresh tokens)"],
        ].map(([name, label]) => (
          <label key={name} className="mt-1 flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} defaultChecked={name !== "scopeOfflineAccess"} />
            {label}
          </label>
        ))}
      </fieldset>
      <SelectField
        label="Required Sign-in Strength"
        name="requiredAcr"
        options={[
          { value: "urn:mag:aal2", label: "Password and phone OTP (urn:mag:aal2)" },
          { value: "urn:mag:aal1", label: "Password (urn:mag:aal1)" },
        ]}
        error={state.fieldErrors?.requiredAcr}
      />
      <SelectField
        label="Client Type"
        name="clientType"
        options={[
          { value: "confidential", label: "Confidential (a server: client secret)" },
          { value: "public", label: "Public (a browser or mobile app: PKCE only)" },
        ]}
        error={state.fieldErrors?.clientType}
      />
      <Field
        label="Public Keys (JWKS)"
        name="jwks"
        hint="Optional, for a confidential client that signs its token requests (private_key_jwt) instead of using a secret."
        defaultValue={state.values?.jwks}
        error={state.fieldErrors?.jwks}
      />
      <SelectField
        label="Partner"
        name="partnerId"
        placeholder="No partner"
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
        error={state.fieldErrors?.partnerId}
      />
      <SubmitButton>Register Application</SubmitButton>
    </form>
  );
}
