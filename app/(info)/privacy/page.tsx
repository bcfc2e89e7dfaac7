import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";

export const metadata: Metadata = { title: "Privacy" };

export default function PrivacyPage() {
  return (
    <PageCard title="Privacy" wide>
      <ul className="list-inside list-disc space-y-2 text-sm">
        <li>
          We keep your name, email address, user ID, country, orders and billing address to run your account
          and your credentials.
        </li>
        <li>
          Your password is kept only as an argon2id hash. One-time codes, license keys, activation codes and
          recovery codes are kept only as keyed hashes.
        </li>
        <li>
          Phone numbers and identity data (your Social Security Number, ID photos) are encrypted. ID photos
          are deleted 30 days after the proofing decision; the decision and what it rested on are kept.
        </li>
        <li>
          Partner applications you sign in to receive only what you allow: your user ID, and your email
          address and name when they ask and you agree. You can revoke them under Connected Applications.
        </li>
        <li>
          Security events (sign-ins, changes to your phones and password) are kept in an audit log, which you
          can read under My Account › Security.
        </li>
        <li>
          We do not sell your data or use it for advertising. Card payments are handled by our processor.
        </li>
      </ul>
    </PageCard>
  );
}
