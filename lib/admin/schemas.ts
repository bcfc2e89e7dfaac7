import { z } from "zod";

export const SearchUsersInputSchema = z.object({
  q: z.string().trim().max(100, "Search for at most 100 characters.").default(""),
});

const UserIdSchema = z.uuid("No such user.");

export const SetAccountStatusInputSchema = z.object({
  userId: UserIdSchema,
  status: z.enum(["ACTIVE", "DISABLED"], "Choose a status."),
});
export type SetAccountStatusInput = z.infer<typeof SetAccountStatusInputSchema>;

export const ChangeRoleInputSchema = z.object({
  userId: UserIdSchema,
  role: z.enum(["USER", "SUPPORT", "PROOFING_AGENT", "ADMIN"], "Choose a role."),
});
export type ChangeRoleInput = z.infer<typeof ChangeRoleInputSchema>;

export const RevokeSessionsInputSchema = z.object({ userId: UserIdSchema });

/** A support action that needs a stated reason (audited) and an explicit confirmation. */
export const SupportActionInputSchema = z.object({
  userId: UserIdSchema,
  reason: z
    .string()
    .trim()
    .min(10, "State the reason (at least 10 characters); it is written to the audit log.")
    .max(500, "Keep the reason under 500 characters."),
  confirm: z.literal("on", "Tick the box to confirm."),
});
export type SupportActionInput = z.infer<typeof SupportActionInputSchema>;
