import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { applicationNameOf } from "@/lib/oidc/partner-applications";
import { requiresPhoneOtp } from "@/lib/phones/service";
import { readPartnerReturn } from "@/lib/web/partner-return-cookie";
import { dismissPartnerReturnAction } from "./partner-return-actions";

/**
 * The way back to a partner that asked for the phone OTP while the user had no credential (the Get 2FA
 * detour): a reminder until a phone is registered, then Continue to the partner.
 */
export async function PartnerReturnBanner({ userId }: { userId: string }) {
  const pending = await readPartnerReturn();
  const name = pending ? await applicationNameOf(pending.clientId) : null;
  if (!name) return null;
  const isReady = await requiresPhoneOtp(userId);
  return (
    <Notice tone="info">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p>
          {isReady
            ? `Your phone one-time passcode is ready: you can now sign in to ${name}.`
            : `${name} asked for your phone one-time passcode. Once your credential is activated and a phone is registered, you can continue to ${name}.`}
        </p>
        <div className="flex gap-2">
          {isReady ? (
            // A plain link: the partner's request is served by the provider, not by a page of this app.
            <a
              href="/partner-return"
              className="bg-brand-700 hover:bg-brand-900 rounded-md px-4 py-2 text-sm font-semibold text-white"
            >
              Continue to {name}
            </a>
          ) : null}
          <form action={dismissPartnerReturnAction}>
            <Button type="submit" variant="secondary">
              Not now
            </Button>
          </form>
        </div>
      </div>
    </Notice>
  );
}
