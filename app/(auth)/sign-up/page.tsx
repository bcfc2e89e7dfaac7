import type { Metadata } from "next";
import Link from "next/link";
import { PageCard } from "@/components/layout/page-card";
import { COUNTRIES } from "@/lib/accounts/countries";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create Account" };

export default function SignUpPage() {
  return (
    <PageCard title="Create your MAG account">
      <SignUpForm countries={COUNTRIES} />
      <p className="mt-6 text-sm">
        Already have an account?{" "}
        <Link href="/sign-in" className="text-brand-700 underline">
          Log in
        </Link>
      </p>
    </PageCard>
  );
}
