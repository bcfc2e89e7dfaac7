"use server";

import { redirect } from "next/navigation";
import { revokeConnection } from "@/lib/oidc/connections";
import { RevokeConnectionInputSchema } from "@/lib/oidc/schemas";
import { userAction } from "@/lib/web/action";

export const revokeConnectionAction = userAction(
  RevokeConnectionInputSchema,
  async (input, { session, request }) => {
    await revokeConnection(session.userId, input.grantId, request);
    redirect("/account/connected-applications?revoked=1");
  },
);
