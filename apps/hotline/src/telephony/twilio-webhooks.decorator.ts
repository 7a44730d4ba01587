import { UseFilters, UseGuards, UsePipes, applyDecorators } from '@nestjs/common';
import {
  ApiConsumes,
  ApiExtension,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { TwilioWebhookGuard } from './twilio-webhook.guard';
import { TwilioParamsPipe } from './twilio-params';
import { TwimlErrorFilter } from './twiml-error.filter';

/**
 * A controller of Twilio's voice webhooks. No sign-in: each request must carry Twilio's
 * signature for our public address instead (403 otherwise). Every answer is TwiML, also when
 * something fails. Parameters are cleaned first (`twilio-params.ts`): a garbage count is left out.
 */
export const TwilioVoiceWebhooks = () =>
  applyDecorators(
    ApiTags('twilio'),
    Public(),
    UseGuards(TwilioWebhookGuard),
    UseFilters(TwimlErrorFilter),
    UsePipes(TwilioParamsPipe),
    ApiExtension('x-twilio-signature', true),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiForbiddenResponse({ description: 'Missing or wrong X-Twilio-Signature' }),
    ApiOkResponse({ description: 'TwiML', content: { 'text/xml': {} } }),
  );
