import {
  Body,
  Controller,
  Header,
  HttpCode,
  Post,
  Query,
  UseFilters,
  UseGuards,
  UsePipes,
} from '@nestjs/common';
import {
  ApiConsumes,
  ApiExtension,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { TwilioWebhookGuard } from '../telephony/twilio-webhook.guard';
import { TwimlErrorFilter } from '../telephony/twiml-error.filter';
import { TwilioParamsPipe } from '../telephony/twilio-params';
import { CALLBACK_REASONS, CallbackReason } from './callback-request.entity';
import { VoiceFlowService, VoiceParams } from './voice-flow.service';

/**
 * Twilio's voice webhooks. No sign-in: each request must carry Twilio's signature for our
 * public address instead (403 otherwise). Every answer is TwiML, also when something fails.
 * Parameters are cleaned first (telephony/twilio-params.ts): a garbage count is left out.
 */
@ApiTags('twilio')
@Public()
@UseGuards(TwilioWebhookGuard)
@UseFilters(TwimlErrorFilter)
@UsePipes(TwilioParamsPipe)
@ApiExtension('x-twilio-signature', true)
@ApiConsumes('application/x-www-form-urlencoded')
@ApiForbiddenResponse({ description: 'Missing or wrong X-Twilio-Signature' })
@ApiOkResponse({ description: 'TwiML', content: { 'text/xml': {} } })
@Controller('twilio/voice')
export class VoiceWebhooksController {
  constructor(private readonly flow: VoiceFlowService) {}

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
  @ApiOperation({ summary: 'TwiML that dials the volunteer who accepted the call' })
  connect(@Body() params: VoiceParams, @Query('call') callId?: string): Promise<string> {
    return this.flow.connect(params, callId);
  }

  @Post('dial-result')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary: 'The dial ended (DialCallStatus); unanswered: back to the queue, same place',
  })
  dialResult(@Body() params: VoiceParams): Promise<string> {
    return this.flow.dialResult(params);
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
    const known = (CALLBACK_REASONS as readonly string[]).includes(reason)
      ? (reason as CallbackReason)
      : 'closed_hours';
    return this.flow.callback(params, known);
  }
}
