import Link from "next/link";
import { PageCard } from "@/components/layout/page-card";

export default function NotFound() {
  return (
    <PageCard title="Page not found">
      <p className="mb-4">We could not find that page.</p>
      <Link className="text-brand-700 underline" href="/">
        Go to the start page
      </Link>
    </PageCard>
  );
}
