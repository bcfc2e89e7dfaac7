import { randomUUID } from "node:crypto";
import type { IdentityVerifier } from "./identity-verifier";
import type { KbaQuestion } from "./proofing";

/**
 * The deterministic stand-in for the bureau (README, "Identity proofing"). The outcome depends on the SSN's
 * last four digits only: 6789 is verified (123-45-6789), 6780 needs the three questions below (123-45-6780),
 * and every other valid SSN (123-45-6799 among them) is not verified. Other area and group numbers with the
 * same last four give more test identities, since an SSN proofed on one account is refused on another.
 */
export const LOCAL_TEST_IDENTITIES = {
  verified: "123456789",
  needsKba: "123456780",
  notVerified: "123456799",
} as const;

const KBA: (KbaQuestion & { answer: string })[] = [
  {
    id: "street",
    prompt: "Which of these streets have you lived on?",
    choices: ["Maple Avenue", "Juniper Court", "Harbor Road", "None of the above"],
    answer: "Juniper Court",
  },
  {
    id: "lender",
    prompt: "Which lender holds an auto loan in your name?",
    choices: ["Northfield Credit Union", "Lakeshore Bank", "Summit Auto Finance", "None of the above"],
    answer: "Summit Auto Finance",
  },
  {
    id: "county",
    prompt: "In which county was your home address in 2019?",
    choices: ["Fairfax County", "Travis County", "King County", "None of the above"],
    answer: "None of the above",
  },
];

export const localIdentityVerifier: IdentityVerifier = {
  verify({ ssn }) {
    const reference = `local-${randomUUID()}`;
    if (ssn.endsWith(LOCAL_TEST_IDENTITIES.verified.slice(-4)))
      return Promise.resolve({ outcome: "VERIFIED", reference });
    if (ssn.endsWith(LOCAL_TEST_IDENTITIES.needsKba.slice(-4))) {
      const questions = KBA.map(({ id, prompt, choices }) => ({ id, prompt, choices }));
      return Promise.resolve({ outcome: "KBA_REQUIRED", reference, questions });
    }
    return Promise.resolve({ outcome: "NOT_VERIFIED", reference });
  },
  checkKbaAnswers({ ssn, answers }) {
    if (!ssn.endsWith(LOCAL_TEST_IDENTITIES.needsKba.slice(-4))) return Promise.resolve(false);
    return Promise.resolve(KBA.every((q) => answers[q.id] === q.answer));
  },
};

/** The right answers, for the README and tests. */
export const LOCAL_KBA_ANSWERS: Record<string, string> = Object.fromEntries(KBA.map((q) => [q.id, q.answer]));
