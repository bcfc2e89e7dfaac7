"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/ui/field";
import { changeRoleAction, revokeSessionsAction, setStatusAction } from "./actions";

const ROLES = [
  { value: "USER", label: "User" },
  { value: "SUPPORT", label: "Support" },
  { value: "PROOFING_AGENT", label: "Proofing agent" },
  { value: "ADMIN", label: "Admin" },
];

export function StatusForm({ userId, status }: { userId: string; status: "ACTIVE" | "DISABLED" }) {
  const [state, action] = useActionState(setStatusAction, IDLE_STATE);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={status === "ACTIVE" ? "DISABLED" : "ACTIVE"} />
      <SubmitButton variant={status === "ACTIVE" ? "danger" : "primary"}>
        {status === "ACTIVE" ? "Disable Account" : "Enable Account"}
      </SubmitButton>
    </form>
  );
}

export function RevokeSessionsForm({ userId }: { userId: string }) {
  const [state, action] = useActionState(revokeSessionsAction, IDLE_STATE);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary">Sign Out All Sessions</SubmitButton>
    </form>
  );
}

export function RoleForm({ userId, role }: { userId: string; role: string }) {
  const [state, action] = useActionState(changeRoleAction, IDLE_STATE);
  return (
    <form action={action} className="max-w-xs">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        label="Role"
        name="role"
        options={ROLES}
        defaultValue={role}
        key={role}
        error={state.fieldErrors?.role}
      />
      <SubmitButton>Change Role</SubmitButton>
    </form>
  );
}
