import { SignInInputSchema } from "@/lib/accounts/schemas";
import { signInWithPassword } from "@/lib/accounts/service";
import { DomainError } from "@/lib/core/errors";
import { signIn } from "@/lib/web/auth";
import { errorResponse, parseJson } from "@/lib/web/http";
import { requestInfo } from "@/lib/web/request";

/**
 * Step 1 of a sign-in for partner integrations: the password. Answers `authenticated` (with the session
 * cookie) or `otp_required` with the pending sign-in's token and the masked phones to choose from.
 */
export async function POST(request: Request) {
  const input = await parseJson(request, SignInInputSchema);
  if (input instanceof Response) return input;
  try {
    const result = await signInWithPassword(input, await requestInfo());
    if (result.kind === "session") {
      await signIn("credentials", { ticket: result.ticket, redirect: false });
      return Response.json({ status: "authenticated" });
    }
    // Reopening is offered on the website only, where its consequences are explained.
    if (result.kind === "closed") return errorResponse(new DomainError("accounts.account_closed"));
    return Response.json({ status: "otp_required", challenge: result.challengeToken, phones: result.phones });
  } catch (error) {
    return errorResponse(error);
  }
}
