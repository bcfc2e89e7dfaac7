import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { DeliveryError, type EmailMessage, type EmailSender } from "./messaging";

/** Real email over SMTP (SMTP_URL, e.g. smtps://user:pass@mail.example.com:465). */
export function createSmtpSender(smtpUrl: string, from: string): EmailSender {
  const transport: Transporter = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 10_000,
  });
  return {
    async sendEmail(m: EmailMessage) {
      try {
        await transport.sendMail({
          from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          attachments: m.attachments,
          ...(m.messageId ? { messageId: `<${m.messageId}>` } : {}),
        });
      } catch (error) {
        // A 5xx reply is a permanent refusal (bad address, policy); anything else may pass on a retry.
        const code = (error as { responseCode?: number }).responseCode ?? 0;
        throw new DeliveryError(
          `SMTP delivery failed: ${(error as Error).message}`,
          code < 500 || code > 599,
        );
      }
    },
  };
}
