import type { NextFunction, Request, Response } from 'express';

/**
 * Where the pages may load from and connect to. The console (React, built by Vite) and the
 * booking page load only their own files; the console's softphone (Twilio Voice SDK) talks to
 * Twilio over wss and https (signalling, call-quality events) and plays Twilio's ring sounds.
 * No page may be framed, and nothing inline runs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https://*.twilio.com wss://*.twilio.com",
  "media-src 'self' blob: https://sdk.twilio.com",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The API's own documentation (Swagger UI) has inline styles and data: images. */
const API_DOCS_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * Security headers on every answer, pages and API alike (what helmet would set, written out
 * here: a handful of headers). No referrer ever leaves a page, because the booking manage
 * pages and calendar feeds carry their key in the address. Behind HTTPS (PUBLIC_BASE_URL
 * https) browsers are told to come back over HTTPS only, and any stray http subresource is
 * upgraded. API answers, personal data, are never stored by browsers or proxies.
 */
export function securityHeaders(publicBaseUrl: string) {
  const https = publicBaseUrl.startsWith('https:');
  const policy = (directives: string[]) =>
    [...directives, ...(https ? ['upgrade-insecure-requests'] : [])].join('; ');
  const pages = policy(CONTENT_SECURITY_POLICY);
  const docs = policy(API_DOCS_POLICY);
  return (request: Request, response: Response, next: NextFunction): void => {
    const isDocs = request.path === '/api/docs' || request.path.startsWith('/api/docs/');
    response.setHeader('Content-Security-Policy', isDocs ? docs : pages);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    response.setHeader('Permissions-Policy', 'microphone=(self), camera=(), geolocation=()');
    if (https) response.setHeader('Strict-Transport-Security', 'max-age=31536000');
    if (request.path.startsWith('/api/') && !isDocs)
      response.setHeader('Cache-Control', 'no-store');
    next();
  };
}
