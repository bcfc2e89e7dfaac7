import "server-only";
import { env } from "@/lib/core/env";

/** The portal's URL for an emailed link: `path` with its single-use `token`. */
export function emailLink(path: string, token: string): string {
  return new URL(`${path}?token=${encodeURIComponent(token)}`, env().APP_URL).toString();
}
