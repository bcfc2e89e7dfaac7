import { describe, expect, it } from "vitest";
import { defineStepGraph } from "@/lib/core/step-graph";
import { CHECKOUT_FLOW, isStepAllowed, latestAllowedStep, nextCheckoutStep } from "@/lib/store/store";

describe("a step graph", () => {
  const graph = defineStepGraph<"a" | "b" | "c", { done: number }, { x?: null; y?: null }>({
    a: { allowed: () => true, undo: {} },
    b: { allowed: (s) => s.done >= 1, undo: { x: null } },
    c: { allowed: (s) => s.done >= 2, undo: { y: null } },
  });

  it("gives the furthest allowed step and tells which steps are allowed", () => {
    expect(graph.latestAllowed({ done: 0 })).toBe("a");
    expect(graph.latestAllowed({ done: 2 })).toBe("c");
    expect(graph.isAllowed("c", { done: 1 })).toBe(false);
  });

  it("after a save, goes to the first later step the new state allows", () => {
    expect(graph.nextAfter("a", { done: 2 })).toBe("b");
    expect(graph.nextAfter("b", { done: 1 })).toBeUndefined();
  });

  it("saving a step undoes every later step, and only those", () => {
    expect(graph.resetAfter("a")).toEqual({ x: null, y: null });
    expect(graph.resetAfter("b")).toEqual({ y: null });
    expect(graph.resetAfter("c")).toEqual({});
  });
});

describe("the checkout wizard", () => {
  const draft = { status: "DRAFT" as const, infoCompletedAt: null };
  const informed = { status: "DRAFT" as const, infoCompletedAt: new Date() };

  it("goes from the product to the information, from there to the payment, then to the confirmation", () => {
    expect(nextCheckoutStep("product", informed)).toBe("information");
    expect(nextCheckoutStep("information", informed)).toBe("payment");
    expect(nextCheckoutStep("payment", { ...informed, status: "PAID" })).toBe("confirmation");
  });

  it("waits for the billing information before the payment step", () => {
    expect(latestAllowedStep(draft)).toBe("information");
    expect(isStepAllowed("payment", draft)).toBe(false);
    expect(latestAllowedStep(informed)).toBe("payment");
    expect(CHECKOUT_FLOW.order.filter((s) => isStepAllowed(s, informed))).toEqual([
      "product",
      "information",
      "payment",
    ]);
  });

  it("lets a failed card payment go back to any step, and shows a submitted order only its confirmation", () => {
    expect(latestAllowedStep({ ...informed, status: "PAYMENT_FAILED" })).toBe("payment");
    for (const status of ["PAID", "AWAITING_PAYMENT", "PAYMENT_PROCESSING", "CANCELLED"] as const) {
      expect(latestAllowedStep({ ...informed, status })).toBe("confirmation");
      expect(CHECKOUT_FLOW.order.filter((s) => isStepAllowed(s, { ...informed, status }))).toEqual([
        "confirmation",
      ]);
    }
  });
});
