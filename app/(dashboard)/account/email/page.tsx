import type { Metadata } from "next";
import { getProfile } from "@/lib/accounts/service";
import { requireUser } from "@/lib/web/auth";
import { EmailForm } from "./email-form";

export const metadata: Metadata = { title: "Change email address" };

export default async function EmailPage() {
  const session = await requireUser();
  const profile = await getProfile(session.userId);
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Email Address</h2>
      <p className="text-sm text-slate-700">
        Your email address is <strong>{profile.email}</strong>. We send a link to the new address; your
        account moves to it when you open the link. Your current address is told, and can undo the change for
        7 days.
      </p>
      <p className="text-sm text-slate-700">
        Your User ID, <strong>{profile.username}</strong>, cannot be changed: partner applications know you by
        it.
      </p>
      <EmailForm />
    </div>
  );
}
