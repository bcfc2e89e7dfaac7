import { formatDateTime } from "@/lib/core/time-zone";
import { Field, SelectField } from "@/components/ui/field";
import { IDENTITY_CHECKS } from "@/lib/admin/schemas";
import type { getActiveSessions, getCredentialTimelines, getUser } from "@/lib/admin/service";
import type { phoneRiskEventsForUser, recentAuditForUser } from "@/lib/audit/service";
import type { codeDeliveriesForUser } from "@/lib/otp/deliveries";
import type { latestKeySummary } from "@/lib/licensing/service";
import { ORDER_STATUS_LABELS } from "@/lib/store/order-status";
import type { listOrders } from "@/lib/store/service";
import { formatMoney, formatOrderNumber } from "@/lib/store/store";
import { revokeLicenseKeyAction, resendLicenseKeyAction } from "../../invoices/actions";
import { AwaitingPaymentOrder } from "../../invoices/invoice-forms";
import { ReissueCodeForm } from "../../proofing/reissue-form";
import { ReasonForm } from "../../reason-form";
import {
  changeLegalIdentityAction,
  changeRoleAction,
  endSessionAction,
  liftOtpLockoutAction,
  resetPhonesAction,
  grantProofingAttemptAction,
  revokeCredentialAction,
  setStatusAction,
  revokeSessionsAction,
} from "./actions";

// The sections of support's user page (page.tsx), each with the actions that belong to it.

type AdminUser = Awaited<ReturnType<typeof getUser>>;
type ActiveSession = Awaited<ReturnType<typeof getActiveSessions>>[number];
type CredentialTimelines = Awaited<ReturnType<typeof getCredentialTimelines>>;
type AdminOrders = Awaited<ReturnType<typeof listOrders>>;
type KeySummary = NonNullable<Awaited<ReturnType<typeof latestKeySummary>>>;
type AuditEvents = Awaited<ReturnType<typeof recentAuditForUser>>;

const ROLES = [
  { value: "USER", label: "User" },
  { value: "SUPPORT", label: "Support" },
  { value: "PROOFING_AGENT", label: "Proofing agent" },
  { value: "ADMIN", label: "Admin" },
];
const CHECKED = "I checked who is asking.";

const day = (d: Date) => d.toISOString().slice(0, 10);
const minute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Who the user is: name, sign-in names, verification, role, status. */
export function UserProfile({ user }: { user: AdminUser }) {
  return (
    <>
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
        <dd>
          {user.status}
          {user.closedAt ? ` (closed ${minute(user.closedAt)}, erased 30 days later unless reopened)` : ""}
        </dd>
        <dt className="font-medium">Time zone</dt>
        <dd>
          {user.timeZone
            ? `${user.timeZone} (their time now: ${formatDateTime(new Date(), user.timeZone)})`
            : "Not known yet"}
        </dd>
        <dt className="font-medium">Active sessions</dt>
        <dd>{user.activeSessions}</dd>
      </dl>
    </>
  );
}

/** Account actions: disable or enable, sign out everywhere, and (admins only) change the role. */
export function AccountActions({ user, isAdmin }: { user: AdminUser; isAdmin: boolean }) {
  const forUser = { userId: user.id };
  return (
    <section aria-labelledby="account-heading" className="space-y-4">
      <h3 id="account-heading" className="font-semibold">
        Account
      </h3>
      <div className="grid gap-6 md:grid-cols-2">
        <ReasonForm
          action={setStatusAction}
          label={user.status === "ACTIVE" ? "Disable Account" : "Enable Account"}
          confirm={CHECKED}
          hidden={{ ...forUser, status: user.status === "ACTIVE" ? "DISABLED" : "ACTIVE" }}
          variant={user.status === "ACTIVE" ? "danger" : "secondary"}
        />
        <ReasonForm
          action={revokeSessionsAction}
          label="Sign Out All Sessions"
          confirm={CHECKED}
          hidden={forUser}
        />
        <ReasonForm
          action={changeLegalIdentityAction}
          label="Change Legal Name"
          confirm="I saw proof of the change (a marriage certificate, a court order, a corrected ID)."
          hidden={forUser}
        >
          <Field label="Legal first name" name="firstName" defaultValue={user.firstName} />
          <Field label="Legal last name" name="lastName" defaultValue={user.lastName} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="birthDateChanged" />
            The date of birth on record changed too
          </label>
          <p className="text-sm text-slate-700">
            Their earlier identity verification stops carrying over: the next credential with proofing proofs
            again.
          </p>
        </ReasonForm>
        {isAdmin ? (
          <ReasonForm
            action={changeRoleAction}
            label="Change Role"
            confirm="This person's job needs this role."
            hidden={forUser}
          >
            <SelectField label="Role" name="role" options={ROLES} defaultValue={user.role} />
          </ReasonForm>
        ) : null}
      </div>
    </section>
  );
}

/** The user's signed-in sessions, and End Session for one of them. */
export function SessionsSection({
  userId,
  sessions,
  canManage,
}: {
  userId: string;
  sessions: ActiveSession[];
  canManage: boolean;
}) {
  const forUser = { userId };
  return (
    <section aria-labelledby="sessions-heading" className="space-y-3">
      <h3 id="sessions-heading" className="font-semibold">
        Sessions
      </h3>
      {sessions.length === 0 ? <p className="text-sm">No active sessions.</p> : null}
      {sessions.length > 0 ? (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-1">
                Signed in
              </th>
              <th scope="col">Last seen</th>
              <th scope="col">With</th>
              <th scope="col">IP</th>
              <th scope="col">Browser</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} className="border-b">
                <td className="py-1">{minute(s.createdAt)}</td>
                <td>{minute(s.lastSeenAt)}</td>
                <td>{s.authLevel === "PASSWORD_OTP" ? "Password and phone OTP" : "Password"}</td>
                <td>{s.ip ?? "—"}</td>
                <td className="max-w-xs truncate">{s.userAgent ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canManage && sessions.length > 0 ? (
        <ReasonForm action={endSessionAction} label="End Session" confirm={CHECKED} hidden={forUser}>
          <SelectField
            label="Session"
            name="sessionId"
            options={sessions.map((s) => ({
              value: s.id,
              label: `Signed in ${minute(s.createdAt)} from ${s.ip ?? "an unknown address"}`,
            }))}
          />
        </ReasonForm>
      ) : null}
    </section>
  );
}

/** Lift OTP Lockout and Reset Phones. */
export function OtpSupportActions({ userId }: { userId: string }) {
  const forUser = { userId };
  return (
    <section aria-labelledby="otp-support-heading" className="space-y-4">
      <h3 id="otp-support-heading" className="font-semibold">
        Phone OTP support
      </h3>
      <p className="text-sm text-slate-700">
        Lifting the lockout also re-enables phone sign-in that 100 wrong codes disabled: check the
        caller&apos;s identity first and write how in the reason.
      </p>
      <ReasonForm action={liftOtpLockoutAction} label="Lift OTP Lockout" confirm={CHECKED} hidden={forUser} />
      <p className="text-sm text-slate-700">
        Reset Phones is for a user who lost every phone and has no recovery code. If their identity was
        verified, check it again against that identity (photo ID on video, or a new proofing) first.
      </p>
      <ReasonForm
        action={resetPhonesAction}
        label="Reset Phones"
        confirm="I checked who is asking; all of this user's phones will be removed."
        hidden={forUser}
        choice={{
          name: "identityCheck",
          label: "Identity check",
          placeholder: "Choose how you checked",
          options: Object.entries(IDENTITY_CHECKS).map(([value, label]) => ({ value, label })),
        }}
      />
    </section>
  );
}

/** Each credential's timeline, with Revoke Credential. */
export function CredentialsSection({
  userId,
  timelines,
  canManage,
}: {
  userId: string;
  timelines: CredentialTimelines;
  canManage: boolean;
}) {
  const forUser = { userId };
  return (
    <section aria-labelledby="credentials-heading">
      <h3 id="credentials-heading" className="mb-2 font-semibold">
        Credentials
      </h3>
      {timelines.length === 0 ? <p className="text-sm">No credentials.</p> : null}
      {timelines.map((c) => (
        <div key={c.id} className="mb-6 space-y-2">
          <h4 className="text-sm font-medium">
            {c.productName} · {c.status.replace(/_/g, " ").toLowerCase()}
          </h4>
          <ol
            aria-label={`Timeline of ${c.productName}`}
            className="border-l-2 border-slate-300 pl-3 text-sm"
          >
            {c.events.map((e, i) => (
              <li key={i} className={e.upcoming ? "text-slate-500" : undefined}>
                <time dateTime={e.at.toISOString()}>{day(e.at)}</time> {e.label}
              </li>
            ))}
          </ol>
          {canManage && c.status === "PROOFING_REQUIRED" ? (
            <ReasonForm
              action={grantProofingAttemptAction}
              label="Grant Another Proofing Attempt"
              confirm="I checked who is asking; they may try proofing once more, self-service included."
              hidden={{ ...forUser, credentialId: c.id }}
            />
          ) : null}
          {canManage && c.status !== "REVOKED" ? (
            <ReasonForm
              action={revokeCredentialAction}
              label="Revoke Credential"
              confirm="I checked why; its phones will no longer sign in."
              hidden={{ ...forUser, credentialId: c.id }}
              variant="danger"
            />
          ) : null}
        </div>
      ))}
    </section>
  );
}

/** Orders with invoice numbers and key hints; Mark Paid, Re-send and Revoke License Key. */
export function OrdersSection({
  orders,
  keys,
  canManage,
}: {
  orders: AdminOrders;
  keys: (KeySummary | null)[];
  canManage: boolean;
}) {
  return (
    <section aria-labelledby="orders-heading">
      <h3 id="orders-heading" className="mb-2 font-semibold">
        Orders
      </h3>
      {orders.length === 0 ? <p className="text-sm">No orders.</p> : null}
      <ul className="space-y-4">
        {orders.map((o, i) => {
          const key = keys[i];
          return (
            <li key={o.id} className="space-y-2 border-b pb-3 text-sm">
              {canManage && o.status === "AWAITING_PAYMENT" && o.invoiceNumber ? (
                <AwaitingPaymentOrder
                  line={[
                    `${formatOrderNumber(o.number)} · ${o.product.name} · ${formatMoney(o.amountCents, o.currency)} · `,
                    ` · ${o.invoiceNumber}`,
                  ]}
                  orderId={o.id}
                  invoiceNumber={o.invoiceNumber}
                  amount={(o.amountCents / 100).toFixed(2)}
                />
              ) : (
                <p>
                  {formatOrderNumber(o.number)} · {o.product.name} · {formatMoney(o.amountCents, o.currency)}{" "}
                  · {ORDER_STATUS_LABELS[o.status]}
                  {o.invoiceNumber ? ` · ${o.invoiceNumber}` : ""}
                  {key ? ` · license key ending ${key.hint} (${key.status.toLowerCase()})` : ""}
                </p>
              )}
              {canManage && key && key.status !== "ACTIVATED" && !o.renewsCredentialId ? (
                <div className="grid gap-6 md:grid-cols-2">
                  <ReasonForm
                    action={resendLicenseKeyAction}
                    label="Re-send License Key"
                    confirm="I checked who is asking; the unused key will stop working."
                    hidden={{ orderId: o.id }}
                  />
                  {key.status === "UNUSED" ? (
                    <ReasonForm
                      action={revokeLicenseKeyAction}
                      label="Revoke License Key"
                      confirm="I checked why; the unused key will stop working."
                      hidden={{ orderId: o.id }}
                      variant="danger"
                    />
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Live video codes waiting to be used (never shown again), with Issue New Activation Code. */
export function ActivationCodesSection({ pendingCodes }: { pendingCodes: [string, Date][] }) {
  if (pendingCodes.length === 0) return null;
  return (
    <section aria-labelledby="codes-heading">
      <h3 id="codes-heading" className="mb-2 font-semibold">
        Proofing activation codes
      </h3>
      <ul className="space-y-3">
        {pendingCodes.map(([credentialId, expiresAt]) => (
          <li key={credentialId} className="border-b pb-3 text-sm">
            <p className="mb-2">
              Credential {credentialId.slice(0, 8)}: live video proofing passed; code{" "}
              {expiresAt > new Date() ? "expires" : "expired"} {day(expiresAt)}. The code itself cannot be
              shown.
            </p>
            <ReissueCodeForm credentialId={credentialId} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the carrier lookup refused or could not check on this user's phones (none: the section is left out). */
export function PhoneRisk({ events }: { events: Awaited<ReturnType<typeof phoneRiskEventsForUser>> }) {
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="phone-risk-heading">
      <h3 id="phone-risk-heading" className="mb-2 font-semibold">
        Phone risk
      </h3>
      <ul className="space-y-1 text-sm">
        {events.map((e) => (
          <li key={e.id}>
            <span className="text-slate-600">{e.at.toISOString()}</span> {e.label}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The codes recently sent to the user's phones and what the provider reported of each (none: left out). */
export function CodeDeliveries({
  deliveries,
}: {
  deliveries: Awaited<ReturnType<typeof codeDeliveriesForUser>>;
}) {
  if (deliveries.length === 0) return null;
  return (
    <section aria-labelledby="deliveries-heading">
      <h3 id="deliveries-heading" className="mb-2 font-semibold">
        Code deliveries
      </h3>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-1">
              When (UTC)
            </th>
            <th scope="col">Sent by</th>
            <th scope="col">For</th>
            <th scope="col">Delivery</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} className="border-b">
              <td className="py-1">{d.at.toISOString()}</td>
              <td>{d.channel}</td>
              <td>{d.purpose}</td>
              <td>{d.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The user's recent audit events. */
export function RecentActivity({ events }: { events: AuditEvents }) {
  return (
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
  );
}
