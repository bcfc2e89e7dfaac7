"use client";

import { useEffect } from "react";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { rememberTimeZoneAction } from "./actions";

/**
 * Rendered while the profile has no time zone: tells the server the browser's, so dates show in it from the
 * next page on (this one names UTC beside each). The user can change it on the profile.
 */
export function DetectTimeZone() {
  useEffect(() => {
    const form = new FormData();
    form.set("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    void rememberTimeZoneAction(IDLE_STATE, form);
  }, []);
  return null;
}
