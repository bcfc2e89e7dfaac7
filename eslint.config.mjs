import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";
import portal from "./eslint-rules/owned-writes.mjs";

const prismaOnlyInRepositories = {
  message: "Only repository files (repository.ts, *-repository.ts) talk to Prisma (type imports are fine).",
  allowTypeImports: true,
};

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "dist/**",
      "test-results/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ["**/*.ts", "**/*.tsx"] })),
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/core/env.ts." },
      ],
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/generated/prisma/*", "**/generated/prisma/*"], ...prismaOnlyInRepositories },
            {
              group: ["@/lib/core/db"],
              message: "Only repositories (and lib/core/transaction.ts) use the client.",
            },
            {
              group: ["@/lib/core/sql"],
              // A service may name a SqlStep (another module's write riding on its repository's statement).
              allowTypeImports: true,
              message: "Only repositories (and lib/core/rate-limit.ts) run plain SQL.",
            },
            {
              group: ["@/lib/*/repository", "@/lib/*/*-repository"],
              message: "Call the module's service.ts, never another module's repository.",
            },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      // Each module's errors.ts adds its table to lib/core's ErrorCatalog with an empty `extends` interface.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/web/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom"], message: "lib/ stays framework-free." },
          ],
        },
      ],
    },
  },
  {
    // The base layer depends on nothing above it: only its own files and the generated Prisma client.
    files: ["lib/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom"], message: "lib/ stays framework-free." },
            {
              group: ["@/lib/*", "!@/lib/core", "!@/lib/generated"],
              message: "lib/core imports no capability; capabilities import lib/core.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "lib/**/repository.ts",
      "lib/**/*-repository.ts",
      "lib/core/db.ts",
      "lib/core/transaction.ts",
      "tests/**/*.ts",
      "prisma/seed.ts",
    ],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  { files: ["lib/core/env.ts"], rules: { "no-restricted-properties": "off" } },
  // One owner per aggregate: only the owning repositories write credentials, users and orders.
  {
    files: ["lib/**/*.ts", "app/**/*.ts", "app/**/*.tsx", "scripts/**/*.ts"],
    plugins: { portal },
    rules: { "portal/owned-writes": "error" },
  },
  // No import cycles between the portal's own modules: scripts/import-cycles.ts, run by `npm run lint`
  // (import/no-cycle took three quarters of the lint's time).
  // Small units: a function in lib/ fits on a screen; a long page is split into sections.
  {
    files: ["lib/**/*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ["app/**/page.tsx"],
    rules: { "max-lines-per-function": ["error", { max: 120, skipBlankLines: true, skipComments: true }] },
  },
  // Playwright fixtures receive a `use` callback that is not React's hook.
  { files: ["tests/e2e/**/*.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  {
    files: ["**/*.mjs", "*.config.*"],
    ...tseslint.configs.disableTypeChecked,
  },
];

export default config;
