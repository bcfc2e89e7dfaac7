import { z } from "zod";

/** Where a page returns to after a sign-in or a step-up: a path of this portal, never another site. */
export const ReturnPathSchema = z
  .string()
  .regex(/^\/(?![/\\])[\w\-./?=&]*$/, "Unknown page.")
  .max(200)
  .optional()
  .transform((v) => v || undefined);
