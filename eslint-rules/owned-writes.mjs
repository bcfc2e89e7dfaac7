// One owner per aggregate: only the owning repositories write a table, through Prisma or in SQL.
import path from "node:path";

const WRITE_METHODS = new Set([
  "create",
  "createMany",
  "update",
  "updateMany",
  "upsert",
  "delete",
  "deleteMany",
]);

/** table (SQL name) → the Prisma model, the files that may write it, and whom everyone else calls. */
export const OWNED_TABLES = {
  credentials: {
    model: "credential",
    owners: ["lib/credentials/repository.ts"],
    callInstead: "lib/credentials/service.ts",
  },
  users: {
    model: "user",
    owners: ["lib/accounts/repository.ts"],
    callInstead: "lib/accounts/service.ts",
  },
  orders: {
    model: "order",
    owners: ["lib/store/repository.ts", "lib/payments/repository.ts"],
    callInstead: "lib/store/service.ts (checkout) or lib/payments/settlement.ts (payment state)",
  },
};

const sqlWrite = (table) => new RegExp(`(UPDATE|INSERT\\s+INTO|DELETE\\s+FROM)\\s+"?${table}\\b`, "i");

export const ownedWrites = {
  meta: {
    type: "problem",
    schema: [],
    messages: { notOwner: "Only {{owners}} write {{table}}: call {{callInstead}}." },
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join("/");
    const foreign = Object.entries(OWNED_TABLES).filter(([, t]) => !t.owners.includes(file));
    if (foreign.length === 0) return {};
    const report = (node, [table, t]) =>
      context.report({
        node,
        messageId: "notOwner",
        data: { table, owners: t.owners.join(" and "), callInstead: t.callInstead },
      });
    const checkSql = (node, text) => {
      for (const entry of foreign) if (sqlWrite(entry[0]).test(text)) report(node, entry);
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier") return;
        if (!WRITE_METHODS.has(callee.property.name)) return;
        const target = callee.object;
        if (target.type !== "MemberExpression" || target.property.type !== "Identifier") return;
        const entry = foreign.find(([, t]) => t.model === target.property.name);
        if (entry) report(node, entry);
      },
      TemplateElement(node) {
        checkSql(node, node.value.raw);
      },
      Literal(node) {
        if (typeof node.value === "string") checkSql(node, node.value);
      },
    };
  },
};

const plugin = { rules: { "owned-writes": ownedWrites } };
export default plugin;
