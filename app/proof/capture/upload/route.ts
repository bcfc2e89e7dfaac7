import { DomainError } from "@/lib/core/errors";
import { logger } from "@/lib/core/logger";
import { requestInfo } from "@/lib/web/request";
import { uploadPhotos, type ImageKind } from "@/lib/proofing/capture-service";
import { IMAGE_LIMITS } from "@/lib/proofing/document-checker";
import { readCaptureCookie } from "../../capture-cookie";
import { nextCapturePage } from "../load-capture";

// Two photos at the size limit plus multipart overhead; a larger body is refused without being parsed.
const MAX_BODY = 2 * IMAGE_LIMITS.maxBytes + 512 * 1024;
// Beyond this the connection is dropped rather than drained.
const MAX_DRAIN = 64 * 1024 * 1024;

const FIELDS: Record<string, ImageKind[]> = { id: ["ID_FRONT", "ID_BACK"], selfie: ["SELFIE"] };

/** Reads the body up to MAX_BODY; returns null (having drained the rest) when it is larger. */
async function readLimited(request: Request): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_DRAIN) throw new Error("upload too large to drain");
    if (size <= MAX_BODY) chunks.push(chunk);
  }
  return size > MAX_BODY ? null : Buffer.concat(chunks);
}

// A relative Location: behind the custom server request.url may name another host than the browser used.
const back = (path: string, error?: string) =>
  new Response(null, { status: 303, headers: { Location: error ? `${path}?error=${error}` : path } });

/** The phone's photo upload (multipart, works without JavaScript); answers with a redirect either way. */
export async function POST(request: Request) {
  const step = new URL(request.url).searchParams.get("step") ?? "";
  const kinds = FIELDS[step];
  if (!kinds) return back("/proof/capture/id", "proofing.image_missing");
  const page = `/proof/capture/${step}`;
  const secret = await readCaptureCookie();
  const declared = Number(request.headers.get("content-length") ?? 0);
  const body = declared > MAX_DRAIN ? null : await readLimited(request);
  if (!body) return back(page, "proofing.image_too_large");
  let form: FormData;
  try {
    form = await new Request(request.url, {
      method: "POST",
      headers: { "content-type": request.headers.get("content-type") ?? "" },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    return back(page, "proofing.image_missing");
  }
  const photos: Partial<Record<ImageKind, Buffer | null>> = {};
  for (const kind of kinds) {
    const file = form.get(kind);
    // A side already received may be left empty; an empty file input arrives as a zero-byte file.
    photos[kind] = file instanceof File && file.size > 0 ? Buffer.from(await file.arrayBuffer()) : null;
  }
  try {
    const state = await uploadPhotos(secret, photos, await requestInfo());
    return back(nextCapturePage(state));
  } catch (error) {
    if (error instanceof DomainError) return back(page, error.code);
    logger().error({ err: (error as Error).message }, "proofing upload failed");
    return back(page, "internal.unexpected");
  }
}
