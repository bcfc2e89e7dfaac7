import Link from "next/link";
import { env } from "@/lib/core/env";

/** On every page: where to get help, and the plain statements of what the portal does. */
export function SiteFooter() {
  const { SUPPORT_EMAIL, SUPPORT_HOURS } = env();
  const link = "text-brand-700 underline";
  return (
    <footer className="mx-auto max-w-5xl px-4 pb-8 text-sm text-slate-700">
      <nav aria-label="Site">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <Link className={link} href="/help">
              Help
            </Link>
          </li>
          <li>
            <Link className={link} href="/help/identity-proofing">
              Identity Proofing Resource
            </Link>
          </li>
          <li>
            <Link className={link} href="/privacy">
              Privacy
            </Link>
          </li>
          <li>
            <Link className={link} href="/accessibility">
              Accessibility
            </Link>
          </li>
        </ul>
      </nav>
      <p className="mt-2">
        MAG Customer Support:{" "}
        <a className={link} href={`mailto:${SUPPORT_EMAIL}`}>
          {SUPPORT_EMAIL}
        </a>
        , {SUPPORT_HOURS}.
      </p>
    </footer>
  );
}
