import type { Metadata } from "next";
import Link from "next/link";
import { COUNTRIES } from "@/lib/accounts/countries";
import { getProfile } from "@/lib/accounts/service";
import { timeZoneNames } from "@/lib/core/time-zone";
import { isIdentityProofed } from "@/lib/credentials/service";
import { requireUser } from "@/lib/web/auth";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "My Account" };

export default async function ProfilePage() {
  const session = await requireUser();
  const profile = await getProfile(session.userId);
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Profile</h2>
      <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Email Address</dt>
        <dd>
          {profile.email}{" "}
          <Link href="/account/email" className="text-brand-700 ml-2 underline">
            Change email address
          </Link>
        </dd>
        <dt className="font-medium">User ID</dt>
        <dd>{profile.username}</dd>
        <dt className="font-medium">Signed in with</dt>
        <dd>{session.authLevel === "PASSWORD_OTP" ? "Password and phone OTP" : "Password only"}</dd>
      </dl>
      <ProfileForm
        initial={{
          firstName: profile.firstName,
          lastName: profile.lastName,
          country: profile.country,
          timeZone: profile.timeZone ?? "UTC",
        }}
        countries={COUNTRIES}
        timeZones={timeZoneNames()}
        nameLocked={await isIdentityProofed(session.userId)}
      />
    </div>
  );
}
