import { z } from "zod";
import { completeSignInWithCode } from "@/lib/accounts/service";
import { signIn } from "@/lib/web/auth";
import { errorResponse, parseJson } from "@/lib/web/http";
import { requestInfo } from "@/lib/web/request";
import { CodeSchema } from "@/lib/phones/schemas";

const VerifyInputSchema = z.object({ challenge: z.string().min(1).max(200), code: CodeSchema });

/** Step 3: the code; a right one opens the session (cookie) authenticated with password and phone OTP. */
export async function POST(request: Request) {
  const input = await parseJson(request, VerifyInputSchema);
  if (input instanceof Response) return input;
  try {
    const { ticket } = await completeSignInWithCode(input.challenge, input.code, await requestInfo());
    await signIn("credentials", { ticket, redirect: false });
    return Response.json({ status: "authenticated", authLevel: "PASSWORD_OTP" });
  } catch (error) {
    return errorResponse(error);
  }
}
