import type { ReactNode } from "react";

/** The phone pages' frame: one narrow column that fits a phone screen. */
export function PhoneCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      className="mx-auto w-full max-w-md rounded-lg bg-white p-5 shadow-sm"
      aria-labelledby="phone-title"
    >
      <h1 id="phone-title" className="mb-4 text-2xl font-semibold">
        {title}
      </h1>
      {children}
    </section>
  );
}
