"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";

/** Puts the browser's time zone in the URL (?tz=) when the page has none, so the server shows local times. */
export function TimeZoneSync() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  useEffect(() => {
    if (params.get("tz")) return;
    const next = new URLSearchParams(params);
    next.set("tz", Intl.DateTimeFormat().resolvedOptions().timeZone);
    router.replace(`${pathname}?${next.toString()}`);
  }, [params, pathname, router]);
  return null;
}
