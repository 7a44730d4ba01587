import { Body, Controller, Header, HttpCode, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { TwilioVoiceWebhooks } from '../telephony/twilio-webhooks.decorator';
import { WebhookBudgetInterceptor } from '../telephony/webhook-budget.interceptor';
import { CallScreening } from './call-screening.service';
import { CallFlowTwiml } from './call-flow.twiml';
import { ConferenceLegs, ConferenceParams } from './conference/conference-legs';
import { CALLBACK_REASONS, CallbackReason } from './callback-request.entity';
import { VoiceCallbacks } from './voice-callbacks';
import { VoiceFlowService, VoiceParams } from './voice-flow.service';

/**
 * Twilio's voice webhooks. No sign-in: each request must carry Twilio's signature for our
 * public address instead (403 otherwise). Every answer is TwiML, also when something fails,
 * and comes within the webhook budget (a hold when the database is slow or down).
 */
@TwilioVoiceWebhooks()
@UseInterceptors(WebhookBudgetInterceptor)
@Controller('twilio/voice')
export class VoiceWebhooksController {
  constructor(
    private readonly flow: VoiceFlowService,
    private readonly callbacks: VoiceCallbacks,
    private readonly screening: CallScreening,
    private readonly conference: ConferenceLegs,
  ) {}

  @Post('incoming')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: 'A call arrives: hours check, then the caller menu' })
  incoming(@Body() params: VoiceParams): Promise<string> {
    return this.flow.incoming(params);
  }

  @Post('menu')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary: 'A menu choice (step=caller or step=topic); 9 means "I am in danger now"',
  })
  menu(@Body() params: VoiceParams, @Query('step') step: string): Promise<string> {
    return this.flow.menu(params, step === 'topic' ? 'topic' : 'caller');
  }

  @Post('wait')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: 'Hold message while queued: position and expected wait' })
  wait(@Body() params: VoiceParams): Promise<string> {
    return this.flow.wait(params);
  }

  @Post('wait-choice')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary: 'A key pressed while holding: 1 a message, 2 a call-back (leaves the queue)',
  })
  waitChoice(@Body() params: VoiceParams): Promise<string> {
    return this.flow.waitChoice(params);
  }

  @Post('queue-result')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: 'The caller left the Twilio queue (QueueResult)' })
  queueResult(@Body() params: VoiceParams): Promise<string> {
    return this.flow.queueResult(params);
  }

  @Post('connect')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary: "Rings the volunteer who accepted the call; the caller waits in the call's conference",
  })
  connect(@Body() params: VoiceParams, @Query('call') callId?: string): Promise<string> {
    return this.flow.connect(params, callId);
  }

  @Post('dial-result')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary:
      "The caller's conference ended: answered, the call's talk ends; unanswered, back to the queue, same place",
  })
  dialResult(@Body() params: VoiceParams): Promise<string> {
    return this.flow.dialResult(params);
  }

  @Post('screen')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary:
      "The volunteer's leg picked up: a phone presses 1 to join the caller's conference (step=key: the key pressed); a softphone joins at once (step=join)",
  })
  screen(
    @Body() params: VoiceParams,
    @Query('call') callId?: string,
    @Query('step') step?: string,
  ): Promise<string> {
    return this.screening.screen(
      callId,
      step === 'key' || step === 'join' ? step : 'ask',
      params.Digits,
    );
  }

  @Post('conference')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary:
      "The call's conference status callback (StatusCallbackEvent): who joined or left, and its end",
  })
  async conferenceEvent(
    @Body() params: ConferenceParams,
    @Query('call') callId?: string,
  ): Promise<string> {
    await this.conference.event(callId, params);
    return CallFlowTwiml.empty();
  }

  @Post('conference/leg')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary:
      "A volunteer's or supervisor's leg ended (call status callback); never answered: the caller goes back to their place",
  })
  async legEnded(
    @Body() params: ConferenceParams,
    @Query('call') callId?: string,
  ): Promise<string> {
    await this.conference.legEnded(callId, params);
    return CallFlowTwiml.empty();
  }

  @Post('status')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: 'Call status callback: the call ended (completed, canceled, ...)' })
  status(@Body() params: VoiceParams): Promise<string> {
    return this.flow.status(params);
  }

  @Post('callback')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: 'The caller pressed 1 to be called back' })
  callback(@Body() params: VoiceParams, @Query('reason') reason: string): Promise<string> {
    return this.callbacks.callback(params, knownReason(reason));
  }

  @Post('choice')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary: 'Instead of holding: 1 to leave a message, 2 to be called back (with caller id)',
  })
  choice(@Body() params: VoiceParams, @Query('reason') reason: string): Promise<string> {
    return this.callbacks.choice(params, knownReason(reason));
  }

  @Post('recorded')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: "The caller's message ended (<Record> action): thanks and goodbye" })
  recorded(@Body() params: VoiceParams): Promise<string> {
    return this.callbacks.recorded(params);
  }

  @Post('recording')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary: "Recording status callback: the caller's message is kept (its audio stays at Twilio)",
  })
  recording(@Body() params: VoiceParams, @Query('reason') reason: string): Promise<string> {
    return this.callbacks.recording(params, knownReason(reason));
  }
}

const knownReason = (reason: string): CallbackReason =>
  (CALLBACK_REASONS as readonly string[]).includes(reason)
    ? (reason as CallbackReason)
    : 'closed_hours';
