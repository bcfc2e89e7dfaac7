import { z } from "zod";
import { ReturnPathSchema } from "@/lib/core/return-path";
import { NUL_REFUSED, requiredText, WITHOUT_NUL } from "@/lib/core/text-fields";
import { canonicalTimeZone, isTimeZone } from "@/lib/core/time-zone";
import { PASSWORD_MAX_LENGTH } from "./accounts";
import { isKnownCountry } from "./countries";

/** A person's name part: trimmed, 1–60 characters, no markup or control characters. */
export const PersonNameSchema = (label: string) => requiredText(label, "your", 60);

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "Email address must be at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "User ID must be at least 3 characters.")
  .max(30, "User ID must be at most 30 characters.")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "User ID may use letters, digits, dots, dashes and underscores.");

export const CountrySchema = z.string().trim().toUpperCase().refine(isKnownCountry, "Select your country.");

// Length and content rules need the user's other fields, so they are checked in the service.
const NewPasswordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH + 1, "Password is too long.")
  .regex(WITHOUT_NUL, NUL_REFUSED);

export const SignUpInputSchema = z
  .object({
    firstName: PersonNameSchema("first name"),
    lastName: PersonNameSchema("last name"),
    email: EmailSchema,
    username: UsernameSchema,
    password: NewPasswordSchema,
    confirmPassword: z.string(),
    country: CountrySchema,
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });
export type SignUpInput = z.infer<typeof SignUpInputSchema>;

/** An email address or user ID, as typed to sign in or reset a password. */
const LoginSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address or user ID.")
  .max(254, "This is too long.")
  .regex(WITHOUT_NUL, NUL_REFUSED);

/** The password a change confirms; checked against the stored hash, so only its length is bounded here. */
const CurrentPasswordSchema = z
  .string()
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX_LENGTH + 1)
  .regex(WITHOUT_NUL, NUL_REFUSED);

export const SignInInputSchema = z.object({
  login: LoginSchema,
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH + 1, "Password is too long.")
    .regex(WITHOUT_NUL, NUL_REFUSED),
  /** Where to go once signed in (a partner's sign-in request waiting at /oidc/interaction/…). */
  next: ReturnPathSchema,
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

export const RequestPasswordResetInputSchema = z.object({
  login: LoginSchema,
});
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInputSchema>;

export const ResetPasswordInputSchema = z
  .object({
    token: z.string().min(20).max(100),
    password: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInputSchema>;

export const TimeZoneSchema = z
  .string()
  .trim()
  .refine(isTimeZone, "Choose a time zone from the list.")
  .transform((zone) => canonicalTimeZone(zone)!);

export const UpdateProfileInputSchema = z.object({
  firstName: PersonNameSchema("first name"),
  lastName: PersonNameSchema("last name"),
  country: CountrySchema,
  /** Absent: the zone stays as it is. */
  timeZone: TimeZoneSchema.optional(),
});
export type UpdateProfileInput = z.infer<typeof UpdateProfileInputSchema>;

export const ChangePasswordInputSchema = z
  .object({
    currentPassword: CurrentPasswordSchema,
    password: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

export const ChangeEmailInputSchema = z.object({
  email: EmailSchema,
  currentPassword: CurrentPasswordSchema,
});
export type ChangeEmailInput = z.infer<typeof ChangeEmailInputSchema>;

export const CloseAccountInputSchema = z.object({
  currentPassword: CurrentPasswordSchema,
  understood: z.literal("on", "Tick the box to confirm you understand what closing does."),
});
export type CloseAccountInput = z.infer<typeof CloseAccountInputSchema>;

/** A token from an emailed link, carried in a hidden field. */
export const LinkTokenInputSchema = z.object({
  token: z.string().min(20, "This link is incomplete.").max(100, "This link is invalid."),
});
export type LinkTokenInput = z.infer<typeof LinkTokenInputSchema>;
