import type { Request, Response } from 'express';
import { securityHeaders } from './security-headers';

const headersFor = (publicBaseUrl: string, path: string) => {
  const headers: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => (headers[name] = value) };
  securityHeaders(publicBaseUrl)(
    { path } as Request,
    response as unknown as Response,
    () => undefined,
  );
  return headers;
};

describe('securityHeaders', () => {
  it('asks browsers for HTTPS only when the hotline is served over HTTPS', () => {
    const https = headersFor('https://hotline.example.cn', '/book/');
    expect(https['Strict-Transport-Security']).toBe('max-age=31536000');
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    const http = headersFor('http://localhost:3000', '/book/');
    expect(http['Strict-Transport-Security']).toBeUndefined();
    expect(http['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
  });

  it('lets the console reach Twilio over wss and nothing run inline', () => {
    const policy = headersFor('https://hotline.example.cn', '/console/')['Content-Security-Policy'];
    expect(policy).toContain("connect-src 'self' https://*.twilio.com wss://*.twilio.com");
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe');
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
