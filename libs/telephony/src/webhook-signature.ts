import twilio from 'twilio';

export type WebhookParams = Record<string, string>;

/**
 * Whether a webhook really comes from Twilio: `X-Twilio-Signature` is an HMAC of the full
 * URL Twilio called (the public address, not ours behind a proxy) and the POST parameters.
 */
export function isSignedByTwilio(
  authToken: string,
  url: string,
  params: WebhookParams,
  signature: string | undefined,
): boolean {
  return Boolean(signature) && twilio.validateRequest(authToken, signature!, url, params);
}

/** Signs a webhook as Twilio would: for tests and the caller simulator. */
export function signAsTwilio(authToken: string, url: string, params: WebhookParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
