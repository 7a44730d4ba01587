import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { WebhookParams, isSignedByTwilio } from '@hotline/telephony';
import { Telephony } from './telephony';

/** Lets a request through only if Twilio signed it for our public address; 403 otherwise. */
@Injectable()
export class TwilioWebhookGuard implements CanActivate {
  constructor(private readonly telephony: Telephony) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const token = this.telephony.authToken;
    if (!token) throw new ForbiddenException('Telephony is not configured on this server.');
    const signature = request.header('x-twilio-signature');
    const params = (request.body ?? {}) as WebhookParams;
    if (!isSignedByTwilio(token, this.telephony.url(request.originalUrl), params, signature)) {
      throw new ForbiddenException('This request is not signed by Twilio for this server.');
    }
    return true;
  }
}
