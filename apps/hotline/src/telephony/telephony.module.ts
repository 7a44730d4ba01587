import { Global, Module } from '@nestjs/common';
import { Telephony } from './telephony';
import { TwilioWebhookGuard } from './twilio-webhook.guard';

@Global()
@Module({ providers: [Telephony, TwilioWebhookGuard], exports: [Telephony, TwilioWebhookGuard] })
export class TelephonyModule {}
