import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/web/auth";
import { DownloadSection } from "./download-section";

export const metadata: Metadata = { title: "Your Data" };

export default async function YourDataPage() {
  await requireUser();
  return (
    <div className="space-y-8">
      <DownloadSection />
      <section aria-labelledby="close-heading" className="space-y-2">
        <h2 id="close-heading" className="text-xl font-semibold">
          Close my account
        </h2>
        <p className="text-sm text-slate-700">
          Closing revokes your credentials and partner access at once; your personal data is erased 30 days
          later. The next page lists everything that happens before you confirm.
        </p>
        <Link href="/account/close" className="text-brand-700 text-sm font-semibold underline">
          Close my account
        </Link>
      </section>
    </div>
  );
}
