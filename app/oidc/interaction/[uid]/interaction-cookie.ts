import "server-only";
import { cookies } from "next/headers";

/**
 * Whether this browser started the sign-in `uid`: the provider set its interaction cookie, scoped to this
 * page's path, when it sent the browser here. The consent decisions check it (they post to this path); the
 * page itself cannot, since it is also rendered inside the sign-in action's response, whose request (to
 * /sign-in) does not carry that cookie. The provider's resume endpoint checks its own cookie either way, so a
 * sign-in finished from another browser leads nowhere.
 */
export async function isThisBrowsersInteraction(uid: string): Promise<boolean> {
  return (await cookies()).get("_interaction")?.value === uid;
}
