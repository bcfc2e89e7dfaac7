import type { Metadata } from "next";
import { getActiveSessions, getCredentialTimelines, getUser } from "@/lib/admin/service";
import { phoneRiskEventsForUser, recentAuditForUser } from "@/lib/audit/service";
import { latestKeySummary } from "@/lib/licensing/service";
import { codeDeliveriesForUser } from "@/lib/otp/deliveries";
import { listPendingActivationCodes } from "@/lib/proofing/activation-service";
import { listOrders } from "@/lib/store/service";
import { loadOwned } from "@/lib/web/access";
import { requireRole, SUPPORT_ROLES } from "@/lib/web/auth";
import { requestInfo } from "@/lib/web/request";
import {
  AccountActions,
  ActivationCodesSection,
  CodeDeliveries,
  CredentialsSection,
  OrdersSection,
  OtpSupportActions,
  PhoneRisk,
  RecentActivity,
  SessionsSection,
  UserProfile,
} from "./sections";

export const metadata: Metadata = { title: "User" };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireRole(SUPPORT_ROLES);
  const user = await loadOwned(session, "user", (await params).id, getUser);
  const events = await recentAuditForUser(user.id);
  const phoneRisk = await phoneRiskEventsForUser(user.id);
  const deliveries = await codeDeliveriesForUser(user.id);
  const orders = await listOrders(user.id);
  const keys = await Promise.all(
    orders.map((o) => (o.status === "PAID" ? latestKeySummary(o.id) : Promise.resolve(null))),
  );
  const timelines = await getCredentialTimelines(session, user.id, await requestInfo());
  const sessions = await getActiveSessions(user.id);
  const pendingCodes = [...(await listPendingActivationCodes(user.id)).entries()];
  // Support acts on other people's accounts, never on their own.
  const canManage = session.userId !== user.id;
  return (
    <div className="space-y-8">
      <UserProfile user={user} />
      {canManage ? <AccountActions user={user} isAdmin={session.role === "ADMIN"} /> : null}
      <SessionsSection userId={user.id} sessions={sessions} canManage={canManage} />
      {canManage ? <OtpSupportActions userId={user.id} /> : null}
      <CredentialsSection userId={user.id} timelines={timelines} canManage={canManage} />
      <OrdersSection orders={orders} keys={keys} canManage={canManage} />
      <ActivationCodesSection pendingCodes={pendingCodes} />
      <PhoneRisk events={phoneRisk} />
      <CodeDeliveries deliveries={deliveries} />
      <RecentActivity events={events} />
    </div>
  );
}
