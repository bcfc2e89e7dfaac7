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
