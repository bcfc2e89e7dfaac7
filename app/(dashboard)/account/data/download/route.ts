import { downloadMyData } from "@/lib/privacy/service";
import { requireUser } from "@/lib/web/auth";
import { requestInfo } from "@/lib/web/request";

/**
 * Download my data: the signed-in user's own archive. Signed in is enough (no fresh phone code): the session
 * can already read all of it in the portal.
 */
export async function GET() {
  const session = await requireUser();
  const { fileName, zip } = await downloadMyData(session.userId, await requestInfo());
  return new Response(new Uint8Array(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
