import path from "node:path";
import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, it } from "vitest";
import { ownedWrites } from "../../eslint-rules/owned-writes.mjs";

// The lint rule that keeps one owner per aggregate: a write from anywhere else fails the build.
RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const at = (file: string) => path.join(process.cwd(), file);

tester.run("owned-writes", ownedWrites, {
  valid: [
    { filename: at("lib/credentials/repository.ts"), code: "tx.credential.updateMany({ where: {} });" },
    { filename: at("lib/accounts/repository.ts"), code: "tx.user.update({ where: { id } });" },
    { filename: at("lib/payments/repository.ts"), code: "tx.order.updateMany({ where: { id } });" },
    { filename: at("lib/store/repository.ts"), code: "db().order.create({ data });" },
    { filename: at("lib/proofing/service.ts"), code: "tx.credential.findUnique({ where: { id } });" },
    { filename: at("lib/proofing/service.ts"), code: "const sql = `SELECT * FROM credentials`;" },
  ],
  invalid: [
    {
      filename: at("lib/proofing/case-repository.ts"),
      code: "tx.user.update({ where: { id }, data: { firstName } });",
      errors: [{ message: "Only lib/accounts/repository.ts write users: call lib/accounts/service.ts." }],
    },
    {
      filename: at("lib/phones/repository.ts"),
      code: 'query("x", `UPDATE credentials SET status = $1`, []);',
      errors: [{ messageId: "notOwner" }],
    },
    {
      filename: at("lib/licensing/repository.ts"),
      code: "tx.$executeRawUnsafe('INSERT INTO \"orders\" (id) VALUES ($1)', id);",
      errors: [{ messageId: "notOwner" }],
    },
    {
      filename: at("lib/store/service.ts"),
      code: "tx.credential.upsert({ where: { id }, create: {}, update: {} });",
      errors: [{ messageId: "notOwner" }],
    },
    {
      filename: at("app/admin/users/actions.ts"),
      code: "db().user.deleteMany({});",
      errors: [{ messageId: "notOwner" }],
    },
  ],
});
