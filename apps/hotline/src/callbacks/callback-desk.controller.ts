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
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { CallbackRequestsService } from '../calls/callback-requests.service';
import { HotlineQuery } from '../calls/dto/calls.dto';
import { SwitchboardRefusalFilter } from '../calls/switchboard-refusal';
import { IdParam } from '../common/id.pipe';
import { ContactFieldsDto, WrapUpView } from '../contacts/dto/contact.dto';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CallbackAttempts } from './callback-attempts.service';
import { CallbackList } from './callback-list';
import {
  CallbackAssigneeView,
  CallbackAssignmentDto,
  CallbackAttemptView,
  CallbackListQuery,
  CallbackPageView,
  CallbackTextView,
} from './dto/callback-desk.dto';

/**
 * The call-back desk (docs/callbacks.md): the list of callers to call back, their messages,
 * who is to call back, and the call-backs themselves, placed through Twilio from the hotline's
 * number. No route ever answers with a caller's number.
 */
@ApiTags('callbacks')
@SignedInRoutes()
@UseFilters(SwitchboardRefusalFilter)
@Controller('api')
export class CallbackDeskController {
  constructor(
    private readonly list: CallbackList,
    private readonly requests: CallbackRequestsService,
    private readonly attempts: CallbackAttempts,
  ) {}

  @Get('callback-requests')
  @Roles('volunteer', 'supervisor', 'coordinator')
  @ApiOperation({
    summary: 'The call-back list, filtered, a page at a time (a volunteer: those assigned to them)',
  })
  @ApiOkResponse({ type: CallbackPageView })
  page(@SignedIn() actor: Volunteer, @Query() query: CallbackListQuery): Promise<CallbackPageView> {
    return this.list.page(actor, query);
  }

  @Get('callback-requests/assignees')
  @Roles('supervisor', 'coordinator')
  @ApiOperation({ summary: 'Who a call-back may be assigned to: volunteers and supervisors' })
  @ApiOkResponse({ type: [CallbackAssigneeView] })
  assignees(
    @SignedIn() actor: Volunteer,
    @Query() query: HotlineQuery,
  ): Promise<CallbackAssigneeView[]> {
    return this.list.assignees(actor, query.hotlineId);
  }

  @Get('callback-requests/:id/attempts')
  @Roles('volunteer', 'supervisor', 'coordinator')
  @ApiOperation({ summary: 'The call-backs made for a request, newest first' })
  @ApiOkResponse({ type: [CallbackAttemptView] })
  attemptsOf(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call-back request')) id: string,
  ): Promise<CallbackAttemptView[]> {
    return this.list.attemptsOf(actor, id);
  }

  @Put('callback-requests/:id/assignee')
  @Roles('supervisor', 'coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Give a call-back to a volunteer or supervisor (null: to nobody)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'Done already, or a call-back of it is under way' })
  async assign(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call-back request')) id: string,
    @Body() dto: CallbackAssignmentDto,
  ): Promise<void> {
    await this.requests.assign(actor, id, dto.volunteerId);
  }

  @Post('callback-requests/:id/done')
  @Roles('supervisor', 'coordinator')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Close a call-back by hand (called back by other means, the caller rang again)',
  })
  async done(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call-back request')) id: string,
  ): Promise<void> {
    if (!(await this.requests.markDone(actor, id)))
      throw new NotFoundException(`No open call-back request ${id} without a call-back under way.`);
  }

  @Get('callback-requests/:id/message')
  // Supervisors and coordinators oversee what callers leave; the person who is to call back
  // hears it first. Each play is audited.
  @Roles('volunteer', 'supervisor', 'coordinator')
  @ApiOperation({ summary: "Play a caller's message (MP3, streamed from Twilio; audited)" })
  @ApiProduces('audio/mpeg')
  @ApiOkResponse({
    description: 'The message as MP3',
    content: { 'audio/mpeg': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({
    description: 'No such request that you may hear, or no message (any more)',
  })
  async message(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call-back request')) id: string,
  ): Promise<StreamableFile> {
    const audio = await this.requests.message(actor, id);
    return new StreamableFile(audio.body, {
      type: 'audio/mpeg',
      ...(audio.length !== null ? { length: audio.length } : {}),
      disposition: 'inline',
    });
  }

  @Get('callback-requests/:id/text')
  // A message written on the chat page while the hotline was closed: read as a caller's is heard.
  @Roles('volunteer', 'supervisor', 'coordinator')
  @ApiOperation({ summary: 'Read a message left on the chat page (audited)' })
  @ApiOkResponse({ type: CallbackTextView })
  @ApiNotFoundResponse({
    description: 'No such request that you may read, or no written message (any more)',
  })
  async text(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call-back request')) id: string,
  ): Promise<CallbackTextView> {
    return { text: await this.requests.text(actor, id) };
  }

  @Post('callback-requests/:id/call-back')
  @Roles('volunteer', 'supervisor')
  @ApiOperation({
    summary:
      'Call the caller back: your phone or browser rings first, then the caller, from the hotline’s number',
  })
  @ApiCreatedResponse({ type: CallbackAttemptView })
  @ApiConflictResponse({
    description:
      'Not assigned to you, done, under way, no number; no telephony, nothing of yours can ring, or you are not free',
  })
  async callBack(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call-back request')) id: string,
  ): Promise<CallbackAttemptView> {
    const attempt = await this.attempts.start(actor, id);
    return this.list.attempt(actor, attempt.id);
  }

  @Get('callback-attempts/:id')
  @Roles('volunteer', 'supervisor', 'coordinator')
  @ApiOperation({ summary: 'A call-back, as it stands' })
  @ApiOkResponse({ type: CallbackAttemptView })
  attempt(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call-back')) id: string,
  ): Promise<CallbackAttemptView> {
    return this.list.attempt(actor, id);
  }

  @Post('callback-attempts/:id/wrap-up')
  @Roles('volunteer', 'supervisor')
  @ApiOperation({
    summary:
      'Record the call-back that reached someone (channel phone, outbound); ends your wrap-up. contactType wrong_number: someone else answered',
  })
  @ApiCreatedResponse({ type: WrapUpView })
  @ApiNotFoundResponse({ description: 'No call-back of yours that reached someone' })
  wrapUp(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call-back')) id: string,
    @Body() fields: ContactFieldsDto,
  ): Promise<WrapUpView> {
    return this.attempts.wrapUp(actor, id, fields);
  }
}
