import { hashPassword } from "@/lib/accounts/password";
import { db } from "@/lib/core/db";
import type { Role } from "@/lib/generated/prisma/client";

export const TEST_PASSWORD = "correct-horse-battery-staple";

let counter = 0;

export type UserOverrides = Partial<{
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  country: string;
  role: Role;
  status: "ACTIVE" | "DISABLED";
  emailVerifiedAt: Date | null;
  password: string;
}>;

/** Data for a new user, unique per call; no database. */
export function buildUser(overrides: UserOverrides = {}) {
  counter += 1;
  const tag = `${process.pid}-${counter}`;
  return {
    email: `user-${tag}@example.test`,
    username: `user-${tag}`,
    firstName: "Test",
    // Unique across parallel workers too: pages find people by name.
    lastName: `User${tag}`,
    country: "US",
    role: "USER" as Role,
    status: "ACTIVE" as const,
    emailVerifiedAt: new Date() as Date | null,
    password: TEST_PASSWORD,
    ...overrides,
  };
}

/** Inserts a verified, active user; pass traits through overrides (role, status, emailVerifiedAt). */
export async function createUser(overrides: UserOverrides = {}) {
  const { password, ...data } = buildUser(overrides);
  const user = await db().user.create({
    data: { ...data, passwordHash: await hashPassword(password) },
    select: { id: true, email: true, username: true, firstName: true, lastName: true, role: true },
  });
  return { ...user, password };
}
