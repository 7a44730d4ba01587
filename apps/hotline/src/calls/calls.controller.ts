import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CallsService } from './calls.service';
import { HotlineQuery, OfferView, PresenceDto, PresenceView, QueueView } from './dto/calls.dto';
import { SwitchboardRefusalFilter } from './switchboard-refusal';

/** What a volunteer and a supervisor do with calls, through the API (the console uses the same service). */
@ApiTags('calls')
@SignedInRoutes()
@UseFilters(SwitchboardRefusalFilter)
@Controller('api')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

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
}
