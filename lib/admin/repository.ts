import "server-only";
import { db } from "@/lib/core/db";
import type { AccountStatus, Role } from "@/lib/generated/prisma/client";

export type UserSummary = {
  id: string;
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  role: Role;
  status: AccountStatus;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  /** The user's own zone (null: not known yet); staff pages say times in UTC with it beside. */
  timeZone: string | null;
  closedAt: Date | null;
};

const SUMMARY = {
  id: true,
  email: true,
  username: true,
  firstName: true,
  lastName: true,
  role: true,
  status: true,
  emailVerifiedAt: true,
  createdAt: true,
  timeZone: true,
  closedAt: true,
} as const;

/** Case-insensitive match on first name, last name, "first last", email or user ID. */
export function searchUsers(query: string, take: number): Promise<UserSummary[]> {
  // LIKE wildcards typed by staff are searched for literally.
  const words = query
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .map((w) => w.replace(/[\\%_]/g, "\\$&"));
  const where =
    words.length === 0
      ? {}
      : {
          AND: words.map((w) => ({
            OR: [
              { firstName: { contains: w, mode: "insensitive" as const } },
              { lastName: { contains: w, mode: "insensitive" as const } },
              { email: { contains: w.toLowerCase() } },
              { username: { contains: w.toLowerCase() } },
              ...orderMatches(w),
            ],
          })),
        };
  return db().user.findMany({
    where,
    select: SUMMARY,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take,
  });
}

/**
 * A word that names an order: its number (MAG-000123), its invoice (INV-000123) or the last 4 characters of its
 * license key (the hint support reads back to a caller).
 */
function orderMatches(word: string) {
  const upper = word.toUpperCase();
  const orderNumber = /^MAG-(\d{1,12})$/.exec(upper)?.[1];
  if (orderNumber) return [{ orders: { some: { number: BigInt(orderNumber) } } }];
  if (/^INV-\d{1,12}$/.test(upper)) return [{ orders: { some: { invoiceNumber: upper } } }];
  if (/^[0-9A-Z]{4}$/.test(upper)) return [{ orders: { some: { licenseKeys: { some: { hint: upper } } } } }];
  return [];
}

export function findUserSummary(id: string): Promise<UserSummary | null> {
  return db().user.findUnique({ where: { id }, select: SUMMARY });
}
