import type { ReactNode } from "react";

export function PageCard({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={`mx-auto w-full ${wide ? "max-w-4xl" : "max-w-md"} rounded-lg bg-white p-6 shadow`}>
      <h1 className="mb-4 text-2xl font-bold text-slate-900">{title}</h1>
      {children}
    </section>
  );
}
