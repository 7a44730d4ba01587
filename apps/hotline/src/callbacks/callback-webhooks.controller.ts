import { Body, Controller, Header, HttpCode, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { TwilioVoiceWebhooks } from '../telephony/twilio-webhooks.decorator';
import { WebhookBudgetInterceptor } from '../telephony/webhook-budget.interceptor';
import { CallbackLegParams, CallbackLegs } from './callback-legs';

/**
 * Twilio's webhooks for the call-backs the hotline places (docs/callbacks.md): signed like
 * every voice webhook, answered with TwiML within the webhook budget.
 */
@TwilioVoiceWebhooks()
@UseInterceptors(WebhookBudgetInterceptor)
@Controller('twilio/voice/callback-desk')
export class CallbackWebhooksController {
  constructor(private readonly legs: CallbackLegs) {}

  @Post('volunteer')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary:
      "A call-back's volunteer leg: a phone's screen (press 1, step=key), a browser joining (step=join), or how it ended (step=over)",
  })
  volunteer(
    @Body() params: CallbackLegParams,
    @Query('attempt') attemptId?: string,
    @Query('step') step?: string,
  ): Promise<string> {
    return this.legs.volunteer(attemptId, step, params);
  }

  @Post('caller')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary:
      "The caller's phone picked up (AnsweredBy: machine detection): a person joins the volunteer, a voicemail is hung up on",
  })
  caller(@Body() params: CallbackLegParams, @Query('attempt') attemptId?: string): Promise<string> {
    return this.legs.caller(attemptId, params);
  }

  @Post('leg')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary: "A call-back leg's status callback (leg=volunteer or caller): how it ended",
  })
  legEnded(
    @Body() params: CallbackLegParams,
    @Query('attempt') attemptId?: string,
    @Query('leg') leg?: string,
  ): Promise<string> {
    return this.legs.legEnded(attemptId, leg, params);
  }
}
