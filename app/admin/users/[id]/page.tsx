import type { Metadata } from "next";
import { z } from "zod";
import { getCredentialTimelines, getUser } from "@/lib/admin/service";
import { recentAuditForUser } from "@/lib/audit/service";
import { refuseObject } from "@/lib/core/access";
import { requireRole, STAFF_ROLES, type CurrentSession } from "@/lib/core/auth";
import { DomainError } from "@/lib/core/errors";
import { ORDER_STATUS_LABELS } from "@/lib/store/order-status";
import { listOrders } from "@/lib/store/service";
import { formatMoney, formatOrderNumber } from "@/lib/store/store";
import { listPendingActivationCodes } from "@/lib/proofing/activation-service";
import { ResendKeyForm } from "../../invoices/invoice-forms";
import { ReissueCodeForm } from "../../proofing/reissue-form";
import { SupportActionForm } from "./support-action-form";
import { RevokeSessionsForm, RoleForm, StatusForm } from "./user-actions";

export const metadata: Metadata = { title: "User" };

async function loadUser(session: CurrentSession, id: string) {
  if (!z.uuid().safeParse(id).success) return refuseObject(session, "user", id);
  try {
    return await getUser(id);
  } catch (error) {
    if (error instanceof DomainError) return refuseObject(session, "user", id);
    throw error;
  }
}

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireRole(STAFF_ROLES);
  const user = await loadUser(session, (await params).id);
  const events = await recentAuditForUser(user.id);
  const orders = await listOrders(user.id);
  const timelines = await getCredentialTimelines(user.id);
  const pendingCodes = [...(await listPendingActivationCodes(user.id)).entries()];
  const canManage = session.role === "SUPPORT" || session.role === "ADMIN";
  const isSelf = session.userId === user.id;
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">
        {user.firstName} {user.lastName}
      </h2>
      <dl className="grid max-w-lg grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Email Address</dt>
        <dd>{user.email}</dd>
        <dt className="font-medium">User ID</dt>
        <dd>{user.username}</dd>
        <dt className="font-medium">Email verified</dt>
        <dd>{user.emailVerifiedAt ? user.emailVerifiedAt.toISOString() : "No"}</dd>
        <dt className="font-medium">Role</dt>
        <dd>{user.role}</dd>
        <dt className="font-medium">Status</dt>
        <dd>{user.status}</dd>
        <dt className="font-medium">Active sessions</dt>
        <dd>{user.activeSessions}</dd>
      </dl>
      {canManage && !isSelf ? (
        <div className="flex flex-wrap gap-6">
          <StatusForm userId={user.id} status={user.status} />
          <RevokeSessionsForm userId={user.id} />
        </div>
      ) : null}
      {canManage && !isSelf ? (
        <section aria-labelledby="otp-support-heading" className="space-y-4">
          <h3 id="otp-support-heading" className="font-semibold">
            Phone OTP support
          </h3>
          <SupportActionForm userId={user.id} kind="lift" />
          <SupportActionForm userId={user.id} kind="reset" />
        </section>
      ) : null}
      {session.role === "ADMIN" && !isSelf ? <RoleForm userId={user.id} role={user.role} /> : null}
      <section aria-labelledby="credentials-heading">
        <h3 id="credentials-heading" className="mb-2 font-semibold">
          Credentials
        </h3>
        {timelines.length === 0 ? <p className="text-sm">No credentials.</p> : null}
        {timelines.map((c) => (
          <div key={c.id} className="mb-4">
            <h4 className="text-sm font-medium">
              {c.productName} · {c.status.replace(/_/g, " ").toLowerCase()}
            </h4>
            <ol
              aria-label={`Timeline of ${c.productName}`}
              className="mt-1 border-l-2 border-slate-300 pl-3 text-sm"
            >
              {c.events.map((e, i) => (
                <li key={i} className={e.upcoming ? "text-slate-500" : undefined}>
                  <time dateTime={e.at.toISOString()}>{e.at.toISOString().slice(0, 10)}</time> {e.label}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
      <section aria-labelledby="orders-heading">
        <h3 id="orders-heading" className="mb-2 font-semibold">
          Orders
        </h3>
        {orders.length === 0 ? <p className="text-sm">No orders.</p> : null}
        <ul className="space-y-3">
          {orders.map((o) => (
            <li
              key={o.id}
              className="flex flex-wrap items-center justify-between gap-3 border-b pb-2 text-sm"
            >
              <span>
                {formatOrderNumber(o.number)} · {o.product.name} · {formatMoney(o.amountCents, o.currency)} ·{" "}
                {ORDER_STATUS_LABELS[o.status]}
              </span>
              {canManage && o.status === "PAID" && !o.renewsCredentialId ? (
                <ResendKeyForm orderId={o.id} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {pendingCodes.length > 0 ? (
        <section aria-labelledby="codes-heading">
          <h3 id="codes-heading" className="mb-2 font-semibold">
            Proofing activation codes
          </h3>
          <ul className="space-y-3">
            {pendingCodes.map(([credentialId, expiresAt]) => (
              <li key={credentialId} className="border-b pb-3 text-sm">
                <p className="mb-2">
                  Credential {credentialId.slice(0, 8)}: live video proofing passed; code{" "}
                  {expiresAt > new Date() ? "expires" : "expired"} {expiresAt.toISOString().slice(0, 10)}. The
                  code itself cannot be shown.
                </p>
                <ReissueCodeForm credentialId={credentialId} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="audit-heading">
        <h3 id="audit-heading" className="mb-2 font-semibold">
          Recent activity
        </h3>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-1">
                When (UTC)
              </th>
              <th scope="col">Event</th>
              <th scope="col">Result</th>
              <th scope="col">IP</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} className="border-b">
                <td className="py-1">{e.createdAt.toISOString()}</td>
                <td>{e.type}</td>
                <td>{e.result}</td>
                <td>{e.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
