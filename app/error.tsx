"use client";

import { ErrorDetails } from "@/components/layout/error-details";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorDetails {...props} />;
}
