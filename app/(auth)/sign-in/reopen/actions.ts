"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { reopenAccount } from "@/lib/accounts/closing";
import { publicAction } from "@/lib/web/action";
import { clearReopenCookie, readReopenCookie } from "./reopen-cookie";

export const reopenAccountAction = publicAction(z.object({}), async (_input, { request }) => {
  await reopenAccount(await readReopenCookie(), request);
  await clearReopenCookie();
  redirect("/sign-in?reopened=1");
});
