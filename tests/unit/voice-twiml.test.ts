import { describe, expect, it } from "vitest";
import { voiceTwiml } from "@/lib/messaging/twilio-sender";

const TEXT = "Your MAG code is 4, 8, 1, 5, 9, 2.";

describe("voiceTwiml", () => {
  it("says the message twice", () => {
    const twiml = voiceTwiml(TEXT);
    const said = [...twiml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((m) => m[1]);
    expect(said).toEqual([TEXT, TEXT]);
  });

  it("ends the call by itself: no prompt, redirect or loop", () => {
    expect(voiceTwiml(TEXT)).not.toMatch(/<(Gather|Redirect|Play|Dial|Record|Enqueue)\b|loop=/i);
  });

  it("escapes markup in the text so it cannot add verbs to the call", () => {
    const twiml = voiceTwiml(`hi</Say><Redirect>https://evil.example/x</Redirect><Say>`);
    expect(twiml).not.toMatch(/<Redirect/);
    expect(twiml.match(/<Say\b/g)).toHaveLength(2);
  });
});
