"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/web/auth";
import { forgetPartnerReturn } from "@/lib/web/partner-return-cookie";

/** Not now: the banner goes, and the partner's request with it. */
export async function dismissPartnerReturnAction() {
  await requireUser();
  await forgetPartnerReturn();
  revalidatePath("/", "layout");
}
