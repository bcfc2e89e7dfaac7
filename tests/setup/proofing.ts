import sharp from "sharp";
import { startCapture, uploadPhotos } from "@/lib/proofing/capture-service";
import { LOCAL_KBA_ANSWERS } from "@/lib/proofing/local-identity-verifier";
import {
  agreeToProofingTerms,
  answerKba,
  chooseProofingMethod,
  confirmProofingName,
  getProofingStep,
  selectProofingCountry,
  startProofing,
  submitIdentity,
  submitMobile,
} from "@/lib/proofing/service";
import { fromIp } from "../factories/request";
import { outboxFor } from "./outbox";

export const REQUEST = fromIp("198.51.100.20", "Mozilla/5.0 (proofing test)");

/** A photo as a phone camera would send it: a JPEG (or `format`) of the given size with some detail. */
export async function photo(width = 1600, height = 1000, format: "jpeg" | "png" = "jpeg"): Promise<Buffer> {
  const noise = { mean: 128, sigma: 40 };
  const image = sharp({
    create: { width, height, channels: 3, background: "#4a6", noise: { type: "gaussian", ...noise } },
  });
  return format === "png" ? image.png().toBuffer() : image.jpeg({ quality: 80 }).toBuffer();
}

export function identityForm(credentialId: string, ssn: string, overrides: Record<string, string> = {}) {
  return {
    credentialId,
    firstName: "Avery",
    middleName: "",
    lastName: "Quinn",
    birthDate: "1988-04-12",
    addressLine1: "1 Main Street",
    addressLine2: "",
    city: "Springfield",
    state: "IL" as const,
    postalCode: "62701",
    ssn,
    ...overrides,
  };
}

/** Runs the wizard from the country step through the identity data (SSN as nine digits). */
export async function walkToMobile(userId: string, credentialId: string, ssn: string) {
  await getProofingStep(userId, credentialId, "country", REQUEST);
  await selectProofingCountry(userId, { credentialId, country: "US" });
  await chooseProofingMethod(userId, { credentialId, method: "SELF_SERVICE" });
  await confirmProofingName(userId, { credentialId });
  await startProofing(userId, { credentialId });
  await agreeToProofingTerms(userId, { credentialId }, REQUEST);
  await submitIdentity(userId, identityForm(credentialId, ssn));
}

/** Runs the whole desktop side for a verified (or KBA) identity, answering the questions right. */
export async function walkToCapture(userId: string, credentialId: string, mobile: string, ssn = "123456789") {
  await walkToMobile(userId, credentialId, ssn);
  const { outcome } = await submitMobile(userId, { credentialId, mobile }, REQUEST);
  if (outcome === "KBA_REQUIRED") {
    await answerKba(userId, { credentialId, answers: LOCAL_KBA_ANSWERS }, REQUEST);
  }
}

/** The token of the newest proofing link texted to `mobile`. */
export async function proofingLinkToken(mobile: string): Promise<string> {
  const sms = (await outboxFor(mobile)).find((m) => m.channel === "sms" && m.body.includes("/proof/"));
  const token = sms?.body.match(/\/proof\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no proofing link texted to ${mobile}`);
  return token;
}

/**
 * Self-service proofing passed all the way (identity, link, ID photos, selfie) for a credential waiting for it;
 * `mobile`: a number no other proofing of this test used.
 */
export async function passSelfServiceProofing(
  userId: string,
  credentialId: string,
  mobile: string,
  ssn: string,
) {
  await walkToCapture(userId, credentialId, mobile, ssn);
  const secret = await startCapture(await proofingLinkToken(mobile), REQUEST);
  await uploadPhotos(secret, { ID_FRONT: await photo(), ID_BACK: await photo() }, REQUEST);
  const { passed } = await uploadPhotos(secret, { SELFIE: await photo(1000, 1300) }, REQUEST);
  if (!passed) throw new Error("expected the self-service proofing to pass");
}
