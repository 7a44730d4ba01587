import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import {
  ApiConflictResponse,
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
import { LiveCallView, MonitorDto, SwitchDto, TransferDto } from './dto/in-call.dto';
import { Transfer } from './conference/transfer';
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
  @HttpCode(204)
  @ApiOperation({
    summary:
      "The volunteer sends the caller back to the queue for a topic (cold), keeping the caller's priority and place; you go into wrap-up",
  })
  @ApiConflictResponse({ description: 'Not your call, or not in a conversation' })
  transfer(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('call')) id: string,
    @Body() dto: TransferDto,
  ): Promise<void> {
    return this.transfers.toQueue(volunteer, id, dto.topic);
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
