"use client";

import { ErrorDetails } from "@/components/layout/error-details";
import "./globals.css";

// When the root layout itself failed: the page has no header or footer, only this.
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-100 p-8 font-sans text-slate-900">
        <ErrorDetails {...props} />
      </body>
    </html>
  );
}
