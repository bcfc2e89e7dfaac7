import type { Metadata } from "next";
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SearchUsersInputSchema } from "@/lib/admin/schemas";
import { searchUsers } from "@/lib/admin/service";
import { requireRole, SUPPORT_ROLES } from "@/lib/web/auth";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requireRole(SUPPORT_ROLES);
  const parsed = SearchUsersInputSchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data.q : "";
  const users = parsed.success && query ? await searchUsers(query) : [];
  return (
    <div className="space-y-4">
      <form role="search" method="get" className="flex max-w-xl items-end gap-2">
        <div className="flex-1">
          <Field
            label="Search users by name, email address or user ID"
            hint="Or by order number (MAG-…), invoice number (INV-…) or the last 4 characters of a license key."
            name="q"
            defaultValue={query}
            error={parsed.success ? undefined : parsed.error.issues[0]?.message}
          />
        </div>
        <div className="mb-4">
          <Button type="submit">Search</Button>
        </div>
      </form>
      {query && users.length === 0 ? <Notice tone="info">No users match “{query}”.</Notice> : null}
      {users.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Matching users</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-2">
                Name
              </th>
              <th scope="col">Email Address</th>
              <th scope="col">User ID</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b">
                <td className="py-2">
                  <Link className="text-brand-700 underline" href={`/admin/users/${u.id}`}>
                    {u.firstName} {u.lastName}
                  </Link>
                </td>
                <td>{u.email}</td>
                <td>{u.username}</td>
                <td>{u.role}</td>
                <td>{u.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
