"use client";

import { useEffect, useRef, useState } from "react";

/** The photo form's submit button: says "Uploading…" once its (plain, multipart) form is on its way. */
export function UploadButton({ label }: { label: string }) {
  const ref = useRef<HTMLButtonElement>(null);
  const [uploading, setUploading] = useState(false);
  useEffect(() => {
    const form = ref.current?.form;
    const onSubmit = () => setUploading(true);
    form?.addEventListener("submit", onSubmit);
    return () => form?.removeEventListener("submit", onSubmit);
  }, []);
  return (
    <button
      ref={ref}
      type="submit"
      aria-busy={uploading}
      className="bg-brand-700 hover:bg-brand-900 mb-4 inline-flex w-full items-center justify-center rounded-md px-4 py-3 font-semibold text-white"
    >
      {uploading ? "Uploading…" : label}
    </button>
  );
}
