// The security headers of every page (proxy.ts) and route handler (next.config.ts). Pure: no I/O.

/** Pages that take photos with the device camera (self-service proofing); no other page may use it. */
const CAMERA_PAGES = [/^\/proof\/capture\//, /^\/credentials\/[^/]+\/proofing\/capture$/];

/**
 * A strict policy: scripts only with this response's nonce (Next.js adds it to its own), nothing framed,
 * forms posted only here. Styles allow inline attributes (React's `style`), never inline scripts.
 * Development adds 'unsafe-eval', which React's dev build needs for its stack traces.
 */
export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The camera only on the capture pages; no microphone, location or payment APIs anywhere. */
export function permissionsPolicy(pathname: string): string {
  const camera = CAMERA_PAGES.some((page) => page.test(pathname)) ? "(self)" : "()";
  return `camera=${camera}, microphone=(), geolocation=(), payment=(), usb=()`;
}

/** The same on every response, page or API: HTTPS only for a year, no sniffing, no framing, no referrer leaks. */
export const STATIC_SECURITY_HEADERS = [
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
];

/** Route handlers answer JSON, CSV or TwiML: nothing in them may run or be framed. */
export const API_SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
  { key: "Permissions-Policy", value: permissionsPolicy("/api") },
];
