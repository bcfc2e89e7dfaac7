import type { Rule } from "eslint";

export const OWNED_TABLES: Record<string, { model: string; owners: string[]; callInstead: string }>;
export const ownedWrites: Rule.RuleModule;
declare const plugin: { rules: Record<string, Rule.RuleModule> };
export default plugin;
