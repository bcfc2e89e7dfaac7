"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function SubTabs({
  tabs,
  label,
}: {
  tabs: readonly { href: string; label: string }[];
  label: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 border-b border-slate-300">
        {tabs.map((t) => {
          const isCurrent = pathname === t.href;
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`block rounded-t-md px-4 py-2 text-sm font-medium ${
                  isCurrent
                    ? "text-brand-900 border border-b-0 border-slate-300 bg-white"
                    : "text-brand-700 hover:bg-white"
                }`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
