"use client";

import { useRouter } from "next/navigation";

export function PartnerMenu({
  partners,
  selected,
  extraQuery,
}: {
  partners: { slug: string; name: string }[];
  selected: string;
  extraQuery: string;
}) {
  const router = useRouter();
  return (
    <div className="mb-6 max-w-md">
      <label htmlFor="partner" className="block text-sm font-medium text-slate-800">
        Partner
      </label>
      <select
        id="partner"
        name="partner"
        value={selected}
        onChange={(e) => router.replace(`/store?partner=${encodeURIComponent(e.target.value)}${extraQuery}`)}
        className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2"
      >
        <option value="all">All Credentials and Subscriptions</option>
        {partners.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
