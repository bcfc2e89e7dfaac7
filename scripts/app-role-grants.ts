// The runtime role's grants (scripts/db-app-role.ts runs them; tests/integration/audit-log.test.ts checks them).

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The statements that create (with `password`) and grant the runtime role `role`; safe to run again. */
export function appRoleStatements(role: string, password?: string): string[] {
  const r = ident(role);
  const create = password
    ? [
        `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(role)}) THEN CREATE ROLE ${r}; END IF; END $$`,
        `ALTER ROLE ${r} LOGIN PASSWORD ${literal(password)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`,
      ]
    : [];
  return [
    ...create,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // Readiness reads which migrations are applied; only the migration role writes them.
    `REVOKE INSERT, UPDATE, DELETE ON _prisma_migrations FROM ${r}`,
    // Rows are added, never changed; DELETE stays for the retention job's archive, which the trigger admits.
    `REVOKE UPDATE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM ${r}`,
  ];
}
