import type { EmailMessage } from "@/lib/messaging/messaging";

export function licenseKeyMessage(input: {
  to: string;
  firstName: string;
  orderNumber: string;
  productName: string;
  key: string;
  activateUrl: string;
}): EmailMessage {
  return {
    to: input.to,
    subject: `Your license key for order ${input.orderNumber}`,
    text: `Hello ${input.firstName},\n\nThank you for your purchase of ${input.productName}.\n\nLicense Key: ${input.key}\n\nTo activate it, log in to your MAG account and, in the My 2FA Credentials section of the dashboard, under "Have a License key?", click "Enter it here":\n${input.activateUrl}\n\nAn unused key may be given to someone else, who activates it in their own account. Once activated, it belongs to that account.\n\n— Managed Access Gateway (MAG)`,
  };
}
