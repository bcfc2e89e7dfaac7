import type { Metadata } from "next";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Change password" };

export default function PasswordPage() {
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Password</h2>
      <p className="text-sm text-slate-700">
        Changing your password signs you out of every session, this one included.
      </p>
      <PasswordForm />
    </div>
  );
}
