import { z } from "zod";
import { NUL_REFUSED, WITHOUT_NUL } from "@/lib/core/text-fields";
import { PersonNameSchema } from "@/lib/accounts/schemas";
import { StaffReasonFields } from "@/lib/audit/schemas";

export const SearchUsersInputSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, "Search for at most 100 characters.")
    .regex(WITHOUT_NUL, NUL_REFUSED)
    .default(""),
});

const UserIdSchema = z.uuid("No such user.");

export const SetAccountStatusInputSchema = z.object({
  userId: UserIdSchema,
  status: z.enum(["ACTIVE", "DISABLED"], "Choose a status."),
  ...StaffReasonFields,
});
export type SetAccountStatusInput = z.infer<typeof SetAccountStatusInputSchema>;

export const ChangeRoleInputSchema = z.object({
  userId: UserIdSchema,
  role: z.enum(["USER", "SUPPORT", "PROOFING_AGENT", "ADMIN"], "Choose a role."),
  ...StaffReasonFields,
});
export type ChangeRoleInput = z.infer<typeof ChangeRoleInputSchema>;

/** A support action on a whole account that needs a stated reason (audited) and an explicit confirmation. */
export const SupportActionInputSchema = z.object({ userId: UserIdSchema, ...StaffReasonFields });
export type SupportActionInput = z.infer<typeof SupportActionInputSchema>;

/** How support confirmed that the caller who lost every phone is the account's owner. */
export const IDENTITY_CHECKS = {
  ACCOUNT_KNOWLEDGE: "Account details only (email, orders, recent activity)",
  PHOTO_ID: "Photo ID on a video call, matched to the verified identity",
  LIVE_VIDEO_PROOFING: "A new live video proofing session with an agent",
} as const;
export type IdentityCheck = keyof typeof IDENTITY_CHECKS;

export const ResetPhonesInputSchema = z.object({
  userId: UserIdSchema,
  identityCheck: z.enum(
    Object.keys(IDENTITY_CHECKS) as [IdentityCheck, ...IdentityCheck[]],
    "Choose how you checked who is asking.",
  ),
  ...StaffReasonFields,
});
export type ResetPhonesInput = z.infer<typeof ResetPhonesInputSchema>;

/** Support records a proofed person's change of legal name (or of their date of birth on record). */
export const ChangeLegalIdentityInputSchema = z.object({
  userId: UserIdSchema,
  firstName: PersonNameSchema("first name"),
  lastName: PersonNameSchema("last name"),
  birthDateChanged: z.literal("on").optional(),
  ...StaffReasonFields,
});
export type ChangeLegalIdentityInput = z.infer<typeof ChangeLegalIdentityInputSchema>;

export const EndSessionInputSchema = z.object({
  userId: UserIdSchema,
  sessionId: z.uuid("Choose a session."),
  ...StaffReasonFields,
});
export type EndSessionInput = z.infer<typeof EndSessionInputSchema>;

export const RevokeCredentialInputSchema = z.object({
  userId: UserIdSchema,
  credentialId: z.uuid("Choose a credential."),
  ...StaffReasonFields,
});
export type RevokeCredentialInput = z.infer<typeof RevokeCredentialInputSchema>;
