"use client";

import { useSyncExternalStore } from "react";

const noChanges = () => () => {};
const pageRequestId = () => document.querySelector('meta[name="request-id"]')?.getAttribute("content") ?? "";

/** What went wrong, what to try, and a reference support can look up (the request id and Next's digest). */
export function ErrorDetails({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The id of the request that rendered this page (the root layout's meta tag); none while rendering on the server.
  const requestId = useSyncExternalStore(noChanges, pageRequestId, () => "");
  const reference = [requestId, error.digest].filter(Boolean).join(" / ");
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow" aria-labelledby="error-heading">
      <h1 id="error-heading" className="mb-4 text-2xl font-bold">
        Something went wrong
      </h1>
      <p className="mb-2 text-sm">
        The portal could not finish this page. Nothing you submitted was lost: a payment, key or code is only
        recorded once it is complete.
      </p>
      <p className="mb-4 text-sm">
        Try again in a moment. If it keeps happening, contact MAG Customer Support
        {reference ? " and quote this reference" : ""}.
      </p>
      {reference ? (
        <p className="mb-4 text-sm">
          Reference: <code className="font-mono">{reference}</code>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-4">
        <button
          type="button"
          onClick={reset}
          className="bg-brand-700 hover:bg-brand-900 rounded-md px-4 py-2 text-sm font-semibold text-white"
        >
          Try again
        </button>
        <a href="/dashboard" className="text-brand-700 self-center text-sm underline">
          Go to the dashboard
        </a>
      </div>
    </section>
  );
}
