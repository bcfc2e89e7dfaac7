/** The wizard's steps, with the current one marked for sight and for screen readers. */
export function StepIndicator({
  steps,
  current,
  label,
}: {
  steps: readonly { id: string; label: string }[];
  current: string;
  label: string;
}) {
  const currentIndex = steps.findIndex((s) => s.id === current);
  return (
    <nav aria-label={label} className="mb-6">
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map((s, i) => {
          const state = i < currentIndex ? "done" : i === currentIndex ? "current" : "todo";
          return (
            <li
              key={s.id}
              aria-current={state === "current" ? "step" : undefined}
              className={`flex items-center gap-2 rounded-full px-3 py-1 ${
                state === "current"
                  ? "bg-brand-700 text-white"
                  : state === "done"
                    ? "bg-green-100 text-green-900"
                    : "bg-slate-200 text-slate-700"
              }`}
            >
              <span aria-hidden="true" className="font-semibold">
                {i + 1}
              </span>
              <span>
                {s.label}
                {state === "done" ? <span className="sr-only"> (completed)</span> : null}
                {state === "current" ? <span className="sr-only"> (current step)</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
