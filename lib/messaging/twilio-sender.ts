import "server-only";
import twilio from "twilio";
import {
  DeliveryError,
  type PhoneSender,
  type SentMessage,
  type SmsMessage,
  type VoiceMessage,
} from "./messaging";
import { twilioClient } from "./twilio-client";

export type TwilioConfig = {
  accountSid: string;
  authToken: string;
  from: string;
  apiBaseUrl?: string;
  /** Public URL of /api/webhooks/twilio; Twilio can only call back to an https address. */
  statusCallback?: string;
};

/** TwiML that reads a message slowly and twice; callers pass digits already spaced out. */
export function voiceTwiml(say: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say({ voice: "alice" }, say);
  response.pause({ length: 1 });
  response.say({ voice: "alice" }, say);
  return response.toString();
}

export function createTwilioSender(config: TwilioConfig): PhoneSender {
  const client = twilioClient(config, 10_000);
  const wrap = async (fn: () => Promise<{ sid: string }>): Promise<SentMessage> => {
    try {
      return { providerId: (await fn()).sid };
    } catch (error) {
      const status = (error as { status?: number }).status;
      // 4xx from Twilio means the number or request was refused; retrying will not help.
      throw new DeliveryError(`Twilio request failed (${status ?? "network"})`, !status || status >= 500);
    }
  };
  // Delivery reports come back to /api/webhooks/twilio (lib/messaging/twilio-status.ts) when it is public.
  const callback = config.statusCallback ? { statusCallback: config.statusCallback } : {};
  return {
    sendSms: (m: SmsMessage) =>
      wrap(() => client.messages.create({ to: m.to, from: config.from, body: m.body, ...callback })),
    placeCall: (m: VoiceMessage) =>
      wrap(() =>
        client.calls.create({
          to: m.to,
          from: config.from,
          twiml: voiceTwiml(m.say),
          ...callback,
          ...(config.statusCallback ? { statusCallbackEvent: ["completed"] } : {}),
        }),
      ),
  };
}
