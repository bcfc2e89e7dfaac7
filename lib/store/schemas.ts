import { z } from "zod";
import { isKnownCountry } from "@/lib/accounts/countries";
import { EmailSchema } from "@/lib/accounts/schemas";
import { optionalText, requiredText } from "@/lib/core/text-fields";
import { isExpired, passesLuhn } from "./store";

const text = (label: string, max: number) => requiredText(label, "the", max);
/** Optional order fields are stored as null when left empty. */
const optionalField = (label: string, max: number) =>
  optionalText(label, "the", max).transform((v) => v || null);

export const StartOrderInputSchema = z.object({
  productId: z.uuid("Select a product."),
  partner: z.string().trim().max(64).optional(),
  renew: z
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  orderId: z
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type StartOrderInput = z.infer<typeof StartOrderInputSchema>;

export const SaveOrderInformationInputSchema = z.object({
  orderId: z.uuid(),
  firstName: text("first name", 60),
  lastName: text("last name", 60),
  email: EmailSchema,
  phone: z
    .string()
    .trim()
    .min(1, "Enter a phone number.")
    .max(30, "The phone number must be at most 30 characters.")
    .regex(/^\+?[0-9 ().-]{7,}$/, "Enter a phone number with digits, like +1 202 555 0143."),
  company: optionalField("company", 100),
  addressLine1: text("street address", 120),
  addressLine2: optionalField("address line 2", 120),
  city: text("city", 80),
  region: text("state or region", 80),
  postalCode: z
    .string()
    .trim()
    .min(1, "Enter the ZIP or postal code.")
    .max(12, "The ZIP or postal code must be at most 12 characters.")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "Enter a valid ZIP or postal code."),
  country: z.string().trim().toUpperCase().refine(isKnownCountry, "Select the country."),
});
export type SaveOrderInformationInput = z.infer<typeof SaveOrderInformationInputSchema>;

const CardSchema = z.object({
  cardName: text("name on the card", 100),
  cardNumber: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .regex(/^\d{12,19}$/, "Enter the card number: 12 to 19 digits.")
        .refine(passesLuhn, "This card number is not valid. Check the digits."),
    ),
  cardExpiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/, "Enter the expiration date as MM/YY."),
  securityCode: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code."),
});

const InvoicePaymentSchema = z.object({ orderId: z.uuid(), paymentMethod: z.literal("INVOICE") });

/** The Payment Method step with our own card form: the local card processor of demo mode. */
export const SubmitPaymentInputSchema = z.discriminatedUnion(
  "paymentMethod",
  [
    z.object({ orderId: z.uuid(), paymentMethod: z.literal("CARD") }).extend(CardSchema.shape),
    InvoicePaymentSchema,
  ],
  "Select a payment method.",
);

/** The Payment Method step with Stripe: the card is typed on Stripe Checkout's page, not ours. */
export const CheckoutPaymentInputSchema = z.discriminatedUnion(
  "paymentMethod",
  [z.object({ orderId: z.uuid(), paymentMethod: z.literal("CARD") }), InvoicePaymentSchema],
  "Select a payment method.",
);
export type SubmitPaymentInput =
  z.infer<typeof SubmitPaymentInputSchema> | z.infer<typeof CheckoutPaymentInputSchema>;

/** Refuses an expiry in the past; needs `now`, so it runs in the service rather than the schema. */
export function cardExpiryProblem(expiry: string, now: Date): string | null {
  const [mm, yy] = expiry.split("/").map((s) => Number(s.trim()));
  return isExpired(mm!, yy!, now) ? "This card has expired." : null;
}

export const StartUpgradeInputSchema = z.object({
  productId: z.uuid("Select a product."),
  understand: z.literal("on", "Select the checkbox to confirm you understand the requirements."),
});
