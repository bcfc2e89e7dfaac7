import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/core/auth";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requireUser();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Welcome, {session.firstName}</h1>
      <section aria-labelledby="credentials-heading" className="rounded-lg bg-white p-6 shadow">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="credentials-heading" className="text-xl font-semibold">
            My 2FA Credentials
          </h2>
          <ButtonLink href="/store">Get 2FA</ButtonLink>
        </div>
        <p className="mt-4 text-slate-700">
          You have no 2FA credentials yet. A phone one-time password (OTP) credential adds a code sent to your
          phone to every login.
        </p>
        <p className="mt-4 text-sm">
          Have a License key?{" "}
          <Link href="/licenses/activate" className="text-brand-700 font-semibold underline">
            Enter it here
          </Link>
        </p>
      </section>
    </div>
  );
}
