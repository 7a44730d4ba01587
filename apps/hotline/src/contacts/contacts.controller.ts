import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CallerHistory } from './caller-history.service';
import { ContactDrafts } from './contact-drafts.service';
import { ContactReads } from './contact-reads.service';
import { ContactRecords } from './contact-records.service';
import { ContactsService } from './contacts.service';
import { OtherChannelRecords } from './other-channel-records.service';
import {
  ContactDraftDto,
  ContactDraftView,
  ContactFieldsDto,
  ContactQueryDto,
  ContactView,
  CreateContactDto,
  UpdateContactDto,
  WrapUpView,
} from './dto/contact.dto';

@ApiTags('contacts')
@SignedInRoutes()
@Controller('api')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly records: ContactRecords,
    private readonly otherChannels: OtherChannelRecords,
    private readonly reads: ContactReads,
    private readonly history: CallerHistory,
    private readonly drafts: ContactDrafts,
  ) {}

  @Put('calls/:id/draft')
  @ApiOperation({
    summary: 'Save the contact record as typed so far during the call (replaces the draft)',
    description:
      'Every field optional; notes encrypted. The draft becomes the record when the call ends and goes once the wrap-up is written.',
  })
  @ApiOkResponse({ type: ContactDraftView })
  @ApiConflictResponse({ description: 'The contact of this call is already recorded' })
  saveDraft(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('call')) callId: string,
    @Body() draft: ContactDraftDto,
  ): Promise<ContactDraftView> {
    return this.drafts.save(volunteer, callId, draft);
  }

  @Get('calls/:id/draft')
  @ApiOperation({
    summary: "The call's contact draft: its volunteer's, or a supervisor's (read audited)",
  })
  @ApiOkResponse({ type: ContactDraftView })
  @ApiNotFoundResponse({ description: 'No call whose draft you may read' })
  draft(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call')) callId: string,
  ): Promise<ContactDraftView> {
    return this.drafts.read(actor, callId);
  }

  @Post('calls/:id/wrap-up')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the contact of the call you answered; ends your wrap-up',
    description:
      'primaryTopic, riskLevel and outcome are required. Risk high or imminent opens a crisis case.',
  })
  @ApiOkResponse({ type: WrapUpView })
  wrapUp(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('call')) callId: string,
    @Body() fields: ContactFieldsDto,
  ): Promise<WrapUpView> {
    return this.contacts.wrapUp(volunteer, callId, fields);
  }

  @Get('calls/:id/caller-history')
  @Roles('supervisor')
  @ApiOperation({ summary: "Every contact with this call's caller (same number), newest first" })
  @ApiOkResponse({ type: [ContactView] })
  callerHistory(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call')) callId: string,
  ): Promise<ContactView[]> {
    return this.history.callerHistory(actor, callId);
  }

  @Post('contacts')
  @ApiOperation({
    summary: 'Record a face-to-face or online consultation',
    description: 'A coordinator or supervisor may give volunteerId to enter it on their behalf.',
  })
  @ApiCreatedResponse({ type: WrapUpView })
  create(@SignedIn() actor: Volunteer, @Body() dto: CreateContactDto): Promise<WrapUpView> {
    return this.otherChannels.create(actor, dto);
  }

  @Get('contacts')
  @ApiOperation({
    summary: 'Contact records, newest first, without notes',
    description:
      "Volunteers see their own; supervisors, coordinators and admins see their hotlines' records.",
  })
  @ApiOkResponse({ type: [ContactView] })
  list(@SignedIn() actor: Volunteer, @Query() query: ContactQueryDto): Promise<ContactView[]> {
    return this.reads.list(actor, query);
  }

  @Get('contacts/:id')
  @ApiOperation({
    summary: 'One record; notes only to its volunteer and supervisors (read audited)',
  })
  @ApiOkResponse({ type: ContactView })
  @ApiNotFoundResponse({ description: 'No such record, or not one you may read' })
  get(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('contact')) id: string,
  ): Promise<ContactView> {
    return this.reads.get(actor, id);
  }

  @Patch('contacts/:id')
  @ApiOperation({ summary: 'Complete or correct a record (its volunteer or a supervisor)' })
  @ApiOkResponse({ type: WrapUpView })
  update(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('contact')) id: string,
    @Body() dto: UpdateContactDto,
  ): Promise<WrapUpView> {
    return this.records.update(actor, id, dto);
  }
}
