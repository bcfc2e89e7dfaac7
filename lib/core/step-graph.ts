// Every wizard of the portal (checkout, identity proofing) as a declarative step graph, after identity-idp's
// flow policy: steps in order, each `allowed` by the saved state, each with the `undo` that saving an earlier
// step applies to it. The state lives in a database row, never in the URL or a cookie.

export type StepDef<State, Undo extends object> = { allowed: (state: State) => boolean; undo: Undo };

export type StepGraph<Step extends string, State, Undo extends object> = {
  steps: Readonly<Record<Step, StepDef<State, Undo>>>;
  order: readonly Step[];
  /** The furthest step the state allows (a page for a step that is not allowed redirects here). */
  latestAllowed: (state: State) => Step | undefined;
  isAllowed: (step: Step, state: State) => boolean;
  /** Where a wizard goes after saving `step`: the first later step the new state allows. */
  nextAfter: (step: Step, state: State) => Step | undefined;
  /** What saving `step` clears: the undo of every step after it, merged. */
  resetAfter: (step: Step) => Undo;
};

export function defineStepGraph<Step extends string, State, Undo extends object>(
  steps: Record<Step, StepDef<State, Undo>>,
): StepGraph<Step, State, Undo> {
  const order = Object.keys(steps) as Step[];
  return {
    steps,
    order,
    latestAllowed: (state) => order.findLast((step) => steps[step].allowed(state)),
    isAllowed: (step, state) => steps[step].allowed(state),
    nextAfter: (step, state) =>
      order.slice(order.indexOf(step) + 1).find((later) => steps[later].allowed(state)),
    resetAfter: (step) =>
      order
        .slice(order.indexOf(step) + 1)
        .reduce((acc, later) => ({ ...acc, ...steps[later].undo }), {} as Undo),
  };
}
