import { z } from "zod";

/** No markup and no control characters: what every free-text field refuses. */
const PLAIN = /^[^<>{}\u0000-\u001f]*$/;

/** PostgreSQL can neither store nor compare a NUL character (the query would fail): no field accepts one. */
export const WITHOUT_NUL = /^[^\u0000]*$/;
export const NUL_REFUSED = "This contains a character we cannot accept.";

/** Whose field the message names: "Enter the city." on an order, "Enter your city." about the user. */
export type Whose = "the" | "your";

const capitalize = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** A required free-text field: trimmed, 1 to `max` characters, plain text. */
export function requiredText(label: string, whose: Whose, max = 100) {
  const subject = capitalize(`${whose} ${label}`);
  return z
    .string()
    .trim()
    .min(1, `Enter ${whose} ${label}.`)
    .max(max, `${subject} must be at most ${max} characters.`)
    .regex(PLAIN, `${subject} contains characters we cannot accept.`);
}

/** An optional free-text field: trimmed, at most `max` characters, plain text; "" when left empty. */
export function optionalText(label: string, whose: Whose, max = 100) {
  const subject = capitalize(`${whose} ${label}`);
  return z
    .string()
    .trim()
    .max(max, `${subject} must be at most ${max} characters.`)
    .regex(PLAIN, `${subject} contains characters we cannot accept.`)
    .default("");
}
