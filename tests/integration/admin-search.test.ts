import { beforeEach, describe, expect, it } from "vitest";
import { searchUsers } from "@/lib/admin/service";
import { submitPayment } from "@/lib/store/service";
import { formatOrderNumber } from "@/lib/store/store";
import { createActivatedCredential } from "../factories/credential";
import { createReadyOrder, invoicePayment } from "../factories/order";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { db, resetDb } from "../setup/db";
import { latestKeyFor } from "../setup/purchase";

beforeEach(resetDb);

async function usernamesFound(query: string): Promise<string[]> {
  return (await searchUsers(query)).map((u) => u.username).sort();
}

describe("searchUsers", () => {
  beforeEach(async () => {
    await createUser({
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada.l@analytical.test",
      username: "countess",
    });
    await createUser({
      firstName: "Grace",
      lastName: "Hopper",
      email: "grace@navy.test",
      username: "amazing-grace",
    });
    await createUser({
      firstName: "Alan",
      lastName: "Turing",
      email: "alan@bletchley.test",
      username: "enigma42",
    });
  });

  it("finds by first name, ignoring case", async () => {
    expect(await usernamesFound("ada")).toEqual(["countess"]);
  });

  it("finds by last name", async () => {
    expect(await usernamesFound("HOPPER")).toEqual(["amazing-grace"]);
  });

  it('finds by "first last" and not when the last name belongs to someone else', async () => {
    expect(await usernamesFound("Alan Turing")).toEqual(["enigma42"]);
    expect(await usernamesFound("Alan Hopper")).toEqual([]);
  });

  it("finds by an email fragment, ignoring case", async () => {
    expect(await usernamesFound("Bletchley")).toEqual(["enigma42"]);
    expect(await usernamesFound("@navy")).toEqual(["amazing-grace"]);
  });

  it("finds by user ID", async () => {
    expect(await usernamesFound("enigma42")).toEqual(["enigma42"]);
    expect(await usernamesFound("Countess")).toEqual(["countess"]);
  });

  it("finds nothing for an unrelated term and everyone for an empty one", async () => {
    expect(await usernamesFound("zebra")).toEqual([]);
    expect(await usernamesFound("   ")).toEqual(["amazing-grace", "countess", "enigma42"]);
  });

  it("never returns password hashes", async () => {
    for (const user of await searchUsers("")) expect(user).not.toHaveProperty("passwordHash");
  });
});

describe("searchUsers by what a buyer reads out", () => {
  it("finds the buyer by order number, invoice number or the last 4 characters of a license key", async () => {
    const { user } = await createActivatedCredential();
    const invoiced = await createUser();
    const order = await createReadyOrder(invoiced);
    await submitPayment(invoiced.id, invoicePayment(order.id), fromIp());
    const paid = await db().order.findFirstOrThrow({ where: { userId: user.id } });
    const { invoiceNumber } = await db().order.findUniqueOrThrow({ where: { id: order.id } });
    const key = await latestKeyFor(user.email);

    expect(await usernamesFound(formatOrderNumber(paid.number))).toEqual([user.username]);
    expect(await usernamesFound(invoiceNumber!.toLowerCase())).toEqual([invoiced.username]);
    expect(await usernamesFound(key.replace(/-/g, "").slice(-4))).toEqual([user.username]);
    expect(await usernamesFound("MAG-999999")).toEqual([]);
  });
});
