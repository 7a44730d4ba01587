import { Body, Controller, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { TwilioVoiceWebhooks } from '../telephony/twilio-webhooks.decorator';
import { LadderFlowService } from './ladder-flow.service';
import type { VoiceParams } from './voice-flow.service';

/**
 * Twilio's webhooks of the escalation ladder (see docs/calls.md): signed like every voice
 * webhook, answered in TwiML.
 */
@TwilioVoiceWebhooks()
@Controller('twilio/voice/ladder')
export class LadderWebhooksController {
  constructor(private readonly flow: LadderFlowService) {}

  @Post('supervisor')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: 'A supervisor answered the ladder: a crisis caller waits, press 1' })
  supervisor(@Query('call') callId: string, @Query('supervisor') supervisorId: string) {
    return this.flow.supervisor(callId, supervisorId);
  }

  @Post('take')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: "The supervisor's key: 1 takes the caller, if nobody else has" })
  take(
    @Body() params: VoiceParams,
    @Query('call') callId: string,
    @Query('supervisor') supervisorId: string,
  ) {
    return this.flow.take(params, callId, supervisorId);
  }

  @Post('caller')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: "The crisis caller joins the supervisor's conference" })
  caller(@Body() params: VoiceParams, @Query('call') callId: string) {
    return this.flow.caller(params, callId);
  }

  @Post('forward')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: 'The crisis caller nobody took is dialled through to the crisis line' })
  forward(@Body() params: VoiceParams, @Query('call') callId: string) {
    return this.flow.forward(params, callId);
  }
}
