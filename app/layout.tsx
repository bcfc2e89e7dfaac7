import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { currentRequest } from "@/lib/core/request-context";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Managed Access Gateway", template: "%s · Managed Access Gateway" },
  description: "Buy, activate and manage your phone one-time password (OTP) credentials.",
  icons: {
    icon: [
      { url: "/favicon.svg", type: "image/svg+xml" },
      { url: "/icon-192.png", sizes: "192x192", type: "image/png" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that its scripts carry this response's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <head>
        {/* Read by the error pages, so a user can quote it to support and support can find the log lines. */}
        <meta name="request-id" content={currentRequest()?.requestId ?? ""} />
      </head>
      <body className="min-h-screen bg-slate-100 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
