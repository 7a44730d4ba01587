import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { LiveCall } from '@hotline/console-protocol';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { Monitor } from './conference/monitor';
import { ColleagueView, LiveCallView, MonitorDto, SwitchDto, TransferDto } from './dto/in-call.dto';
import { Transfer } from './conference/transfer';
import { WarmTransfer } from './conference/warm-transfer';
import { SwitchboardRefusalFilter } from './switchboard-refusal';

/** A call in conversation: the supervisor joining it, the volunteer's hold and mute. */
@ApiTags('calls')
@SignedInRoutes()
@UseFilters(SwitchboardRefusalFilter)
@Controller('api/calls/:id')
export class InCallController {
  constructor(
    private readonly monitor: Monitor,
    private readonly transfers: Transfer,
    private readonly warm: WarmTransfer,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The call you are in, as the live call panel shows it' })
  @ApiOkResponse({ type: LiveCallView })
  @ApiNotFoundResponse({ description: 'No such call on your hotlines, or you are not in it' })
  live(@SignedIn() actor: Volunteer, @Param('id', IdParam('call')) id: string): Promise<LiveCall> {
    return this.monitor.view(actor, id);
  }

  @Post('monitor')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'Join the call (your softphone or phone rings) to listen, whisper to the volunteer or barge in; again to switch modes (audited)',
  })
  @ApiOkResponse({ type: LiveCallView })
  @ApiConflictResponse({
    description: 'The call is not in a conversation, is your own, or nothing of yours can ring',
  })
  join(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call')) id: string,
    @Body() dto: MonitorDto,
  ): Promise<LiveCall> {
    return this.monitor.monitor(actor, id, dto.mode);
  }

  @Delete('monitor')
  @HttpCode(204)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Leave the call you joined; the volunteer goes on (audited)' })
  @ApiNotFoundResponse({ description: 'You are not in this call' })
  leave(@SignedIn() actor: Volunteer, @Param('id', IdParam('call')) id: string): Promise<void> {
    return this.monitor.leave(actor, id);
  }

  @Post('take-over')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'The supervisor in the call takes it over: the volunteer leaves into wrap-up, the call and its contact record are yours (audited)',
  })
  @ApiOkResponse({ type: LiveCallView })
  @ApiConflictResponse({ description: 'Not in a conversation, or you have not joined it' })
  takeOver(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call')) id: string,
  ): Promise<LiveCall> {
    return this.monitor.takeOver(actor, id);
  }

  @Post('transfer')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Cold: the volunteer sends the caller back to the queue for a topic, keeping the caller's priority and place, and goes into wrap-up (no body). Warm: the caller on hold, the colleague is rung into the call to talk with you first (audited)",
  })
  @ApiOkResponse({ type: LiveCallView, description: 'warm: the call with the colleague ringing' })
  @ApiNoContentResponse({ description: 'cold: the caller is back in the queue' })
  @ApiNotFoundResponse({ description: 'No such call, or no such colleague on its hotline' })
  @ApiConflictResponse({
    description: 'Not your call, not in a conversation, or the colleague is not available (why)',
  })
  async transfer(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('call')) id: string,
    @Body() dto: TransferDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LiveCall | undefined> {
    if (dto.kind === 'warm') return this.warm.consult(volunteer, id, dto.volunteerId!);
    await this.transfers.toQueue(volunteer, id, dto.topic!);
    // The caller is gone from the call: nothing to show.
    response.status(204);
  }

  @Get('colleagues')
  @ApiOperation({
    summary: 'Whom you may transfer your caller to (warm): those available on its hotline now',
  })
  @ApiOkResponse({ type: [ColleagueView] })
  @ApiConflictResponse({ description: 'Not your call, or not in a conversation' })
  colleagues(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('call')) id: string,
  ): Promise<ColleagueView[]> {
    return this.warm.colleagues(volunteer, id);
  }

  @Post('transfer/complete')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Warm transfer: hand the caller over to the colleague; the call and its contact record are theirs, you leave into wrap-up (audited)',
  })
  @ApiNoContentResponse({ description: 'Handed over: the call is no longer yours' })
  @ApiConflictResponse({ description: 'No transfer under way, or the colleague has not answered' })
  completeTransfer(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('call')) id: string,
  ): Promise<void> {
    return this.warm.complete(volunteer, id);
  }

  @Post('transfer/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Warm transfer: take the caller back; the colleague leaves the call (audited)',
  })
  @ApiOkResponse({ type: LiveCallView })
  @ApiConflictResponse({ description: 'No transfer under way' })
  cancelTransfer(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('call')) id: string,
  ): Promise<LiveCall> {
    return this.warm.cancel(volunteer, id);
  }

  @Post('hold')
  @HttpCode(200)
  @ApiOperation({ summary: 'The volunteer holds the caller (hold music) or takes them back' })
  @ApiOkResponse({ type: LiveCallView })
  @ApiConflictResponse({ description: 'Not your call, or not in a conversation' })
  hold(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('call')) id: string,
    @Body() dto: SwitchDto,
  ): Promise<LiveCall> {
    return this.monitor.hold(volunteer, id, dto.on);
  }

  @Post('mute')
  @HttpCode(200)
  @ApiOperation({ summary: 'The volunteer mutes or unmutes themself' })
  @ApiOkResponse({ type: LiveCallView })
  @ApiConflictResponse({ description: 'Not your call, or not in a conversation' })
  mute(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('call')) id: string,
    @Body() dto: SwitchDto,
  ): Promise<LiveCall> {
    return this.monitor.mute(volunteer, id, dto.on);
  }
}
