import { z } from "zod";
import { sendSignInCode } from "@/lib/accounts/service";
import { errorResponse, parseJson } from "@/lib/web/http";
import { requestInfo } from "@/lib/web/request";
import { SendSignInCodeInputSchema } from "@/lib/phones/schemas";

const SendInputSchema = SendSignInCodeInputSchema.extend({ challenge: z.string().min(1).max(200) });

/** Step 2: texts or calls the code to one of the user's phones. */
export async function POST(request: Request) {
  const input = await parseJson(request, SendInputSchema);
  if (input instanceof Response) return input;
  try {
    const { expiresAt } = await sendSignInCode(input.challenge, input, await requestInfo());
    return Response.json({ status: "code_sent", expiresAt: expiresAt.toISOString() });
  } catch (error) {
    return errorResponse(error);
  }
}
