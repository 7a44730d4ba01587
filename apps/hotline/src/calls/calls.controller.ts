import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CallbackRequestsService } from './callback-requests.service';
import { CallsService } from './calls.service';
import {
  CallbackRequestView,
  HotlineQuery,
  OfferView,
  PresenceDto,
  PresenceView,
  QueueView,
} from './dto/calls.dto';
import { SwitchboardRefusalFilter } from './switchboard-refusal';

/** What a volunteer and a supervisor do with calls, through the API (the console uses the same service). */
@ApiTags('calls')
@SignedInRoutes()
@UseFilters(SwitchboardRefusalFilter)
@Controller('api')
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly callbackRequests: CallbackRequestsService,
  ) {}

  @Put('me/presence')
  @ApiOperation({
    summary: 'Go available, on break or offline (available on one hotline at a time)',
  })
  @ApiOkResponse({ type: PresenceView })
  @ApiConflictResponse({ description: 'On a call, or in wrap-up: finish it first' })
  presence(@SignedIn() volunteer: Volunteer, @Body() dto: PresenceDto): Promise<PresenceView> {
    return this.calls.setPresence(volunteer, dto.state, dto.hotlineId);
  }

  @Put('volunteers/:id/presence')
  @Roles('supervisor', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'A supervisor sets a volunteer of their hotline available, on break or offline',
  })
  @ApiOkResponse({ type: PresenceView })
  @ApiConflictResponse({ description: 'The volunteer is on a call' })
  moveVolunteer(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('volunteer')) volunteerId: string,
    @Body() dto: PresenceDto,
  ): Promise<PresenceView> {
    return this.calls.moveVolunteer(actor, dto.hotlineId, volunteerId, dto.state);
  }

  @Get('me/offer')
  @ApiOperation({ summary: 'The call ringing on your console now; 204 when none' })
  @ApiOkResponse({ type: OfferView })
  @ApiNoContentResponse()
  async offer(
    @SignedIn() volunteer: Volunteer,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OfferView | undefined> {
    const offer = await this.calls.liveOffer(volunteer);
    if (!offer) response.status(204);
    return offer ?? undefined;
  }

  @Post('offers/:id/accept')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take the call: Twilio connects the caller to you' })
  @ApiConflictResponse({ description: 'The offer timed out, was withdrawn or the caller hung up' })
  async accept(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('offer')) offerId: string,
  ): Promise<void> {
    await this.calls.accept(volunteer, offerId);
  }

  @Post('offers/:id/decline')
  @HttpCode(204)
  @ApiOperation({ summary: 'Pass the call on; you go to "missed" until you are available again' })
  decline(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('offer')) offerId: string,
  ): Promise<void> {
    return this.calls.decline(volunteer, offerId);
  }

  @Get('queue')
  @Roles('supervisor', 'coordinator', 'admin')
  @ApiOperation({ summary: 'The live queue and every volunteer on duty (no caller numbers)' })
  @ApiOkResponse({ type: QueueView })
  queue(@SignedIn() actor: Volunteer, @Query() query: HotlineQuery): Promise<QueueView> {
    return this.calls.queue(actor, query.hotlineId);
  }

  @Get('callback-requests')
  // The numbers are confidential: only supervisors, who arrange the call-backs, see them.
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Callers who asked to be called back and are not yet done (numbers audited)',
  })
  @ApiOkResponse({ type: [CallbackRequestView] })
  callbacks(
    @SignedIn() actor: Volunteer,
    @Query() query: HotlineQuery,
  ): Promise<CallbackRequestView[]> {
    return this.callbackRequests.openCallbacks(actor, query.hotlineId);
  }

  @Get('callback-requests/:id/message')
  // Supervisors call back; coordinators oversee what callers leave. Each play is audited.
  @Roles('supervisor', 'coordinator')
  @ApiOperation({ summary: "Play a caller's message (MP3, streamed from Twilio; audited)" })
  @ApiProduces('audio/mpeg')
  @ApiOkResponse({
    description: 'The message as MP3',
    content: { 'audio/mpeg': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({
    description: 'No such request on your hotlines, or no message (any more)',
  })
  async message(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call-back request')) id: string,
  ): Promise<StreamableFile> {
    const audio = await this.callbackRequests.message(actor, id);
    return new StreamableFile(audio, {
      type: 'audio/mpeg',
      length: audio.length,
      disposition: 'inline',
    });
  }

  @Post('callback-requests/:id/done')
  @Roles('supervisor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark a call-back as made' })
  async callbackDone(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call-back request')) id: string,
  ): Promise<void> {
    if (!(await this.callbackRequests.markCallbackDone(actor, id)))
      throw new NotFoundException(`No open call-back request ${id}.`);
  }
}
