import Link from "next/link";
import { PageCard } from "@/components/layout/page-card";

export default function Forbidden() {
  return (
    <PageCard title="Access denied">
      <p className="mb-4">You do not have access to this page.</p>
      <Link className="text-brand-700 underline" href="/dashboard">
        Back to the dashboard
      </Link>
    </PageCard>
  );
}
