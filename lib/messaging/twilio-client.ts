import "server-only";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";

/** Sends Twilio's API calls to another base URL (a loopback fake in tests); the SDK has no such option. */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly base: URL,
    timeout: number,
  ) {
    super({ timeout });
  }
  request<T>(options: RequestClient.RequestOptions<T>) {
    const uri = new URL(options.uri);
    uri.protocol = this.base.protocol;
    uri.host = this.base.host;
    return super.request<T>({ ...options, uri: uri.toString() });
  }
}

/** A Twilio client for the account, giving up on a request after `timeoutMs`. */
export function twilioClient(
  config: { accountSid: string; authToken: string; apiBaseUrl?: string },
  timeoutMs: number,
) {
  return twilio(config.accountSid, config.authToken, {
    httpClient: config.apiBaseUrl
      ? new RedirectingRequestClient(new URL(config.apiBaseUrl), timeoutMs)
      : new twilio.RequestClient({ timeout: timeoutMs }),
  });
}
