import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Logger,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtension,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { serializeError } from '../common/logging';
import { IdParam } from '../common/id.pipe';
import { TwilioWebhookGuard } from '../telephony/twilio-webhook.guard';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { BookingMessages } from './booking-messages.service';
import { BookingSetupService } from './booking-setup.service';
import { Attendance } from './attendance';
import { Desk } from './desk';
import {
  BookingConflictView,
  AttendanceDto,
  AvailabilityQuery,
  AvailabilityView,
  BookedView,
  BookingSettingsDto,
  BookingSettingsView,
  DatedAvailabilityDto,
  DatedAvailabilityView,
  DayQuery,
  HotlineOnlyQuery,
  RoomDto,
  RoomView,
  StaffBookingDto,
  StaffBookingView,
  UpdateRoomDto,
  WeeklyAvailabilityDto,
  WeeklyAvailabilityView,
} from './dto/booking.dto';

const PLANNING = ['coordinator', 'admin'] as const;

@ApiTags('bookings')
@SignedInRoutes()
@Controller('api')
export class BookingsController {
  constructor(
    private readonly desk: Desk,
    private readonly register: Attendance,
    private readonly setup: BookingSetupService,
  ) {}

  @Post('bookings')
  @Roles('volunteer', 'supervisor', ...PLANNING)
  @ApiOperation({
    summary: 'Book a session for a caller (a volunteer: for the caller of their call, by callId)',
  })
  @ApiCreatedResponse({ type: BookedView })
  @ApiConflictResponse({
    type: BookingConflictView,
    description: 'The time is taken or not offered; `alternatives` lists free times',
  })
  book(@SignedIn() actor: Volunteer, @Body() dto: StaffBookingDto): Promise<BookedView> {
    return this.desk.book(actor, dto);
  }

  @Get('bookings')
  @ApiOperation({
    summary: 'Bookings of a local date (a volunteer: those where they are the expert)',
  })
  @ApiOkResponse({ type: [StaffBookingView] })
  day(@SignedIn() actor: Volunteer, @Query() query: DayQuery): Promise<StaffBookingView[]> {
    return this.desk.day(actor, query);
  }

  @Get('bookings/:id')
  @ApiOperation({ summary: 'One booking with the family’s phone and description (audited)' })
  @ApiOkResponse({ type: StaffBookingView })
  one(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('booking')) id: string,
  ): Promise<StaffBookingView> {
    return this.desk.one(actor, id);
  }

  @Post('bookings/:id/attendance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The family came (opens a face-to-face contact record to complete) or did not',
  })
  @ApiOkResponse({ type: StaffBookingView })
  attendance(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('booking')) id: string,
    @Body() dto: AttendanceDto,
  ): Promise<StaffBookingView> {
    return this.register.mark(actor, id, dto.attended);
  }

  @Get('booking-settings')
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'The hotline’s booking rules and centre address' })
  @ApiOkResponse({ type: BookingSettingsView })
  settings(
    @SignedIn() actor: Volunteer,
    @Query() query: HotlineOnlyQuery,
  ): Promise<BookingSettingsView> {
    return this.setup.getSettings(actor, query.hotlineId);
  }

  @Patch('booking-settings')
  @Roles(...PLANNING)
  @ApiOperation({
    summary: 'Change booking rules (session, buffer, notice, horizon, cut-off, hold)',
  })
  @ApiOkResponse({ type: BookingSettingsView })
  changeSettings(
    @SignedIn() actor: Volunteer,
    @Body() dto: BookingSettingsDto,
  ): Promise<BookingSettingsView> {
    return this.setup.changeSettings(actor, dto);
  }

  @Get('rooms')
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Rooms of the guidance centre' })
  @ApiOkResponse({ type: [RoomView] })
  rooms(@SignedIn() actor: Volunteer, @Query() query: HotlineOnlyQuery): Promise<RoomView[]> {
    return this.setup.listRooms(actor, query.hotlineId);
  }

  @Post('rooms')
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Add a room' })
  @ApiCreatedResponse({ type: RoomView })
  createRoom(@SignedIn() actor: Volunteer, @Body() dto: RoomDto): Promise<RoomView> {
    return this.setup.createRoom(actor, dto);
  }

  @Patch('rooms/:id')
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Rename a room, or take it out of use (active: false)' })
  @ApiOkResponse({ type: RoomView })
  updateRoom(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('room')) id: string,
    @Body() dto: UpdateRoomDto,
  ): Promise<RoomView> {
    return this.setup.updateRoom(actor, id, dto);
  }

  @Get('availability')
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Experts’ weekly windows and dated changes' })
  @ApiOkResponse({ type: AvailabilityView })
  availability(
    @SignedIn() actor: Volunteer,
    @Query() query: AvailabilityQuery,
  ): Promise<AvailabilityView> {
    return this.setup.availability(actor, query);
  }

  @Post('availability')
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Add an expert’s weekly window (local times)' })
  @ApiCreatedResponse({ type: WeeklyAvailabilityView })
  addWeekly(
    @SignedIn() actor: Volunteer,
    @Body() dto: WeeklyAvailabilityDto,
  ): Promise<WeeklyAvailabilityView> {
    return this.setup.addWeekly(actor, dto);
  }

  @Delete('availability/:id')
  @HttpCode(204)
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Remove a weekly window (bookings made stay)' })
  @ApiNoContentResponse()
  removeWeekly(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('availability')) id: string,
  ): Promise<void> {
    return this.setup.remove(actor, 'weekly', id);
  }

  @Post('availability/dates')
  @Roles(...PLANNING)
  @ApiOperation({
    summary: 'A dated change: an expert’s hours that day, their day off, or the centre closed',
  })
  @ApiCreatedResponse({ type: DatedAvailabilityView })
  addDated(
    @SignedIn() actor: Volunteer,
    @Body() dto: DatedAvailabilityDto,
  ): Promise<DatedAvailabilityView> {
    return this.setup.addDated(actor, dto);
  }

  @Delete('availability/dates/:id')
  @HttpCode(204)
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Remove a dated change' })
  @ApiNoContentResponse()
  removeDated(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('availability')) id: string,
  ): Promise<void> {
    return this.setup.remove(actor, 'dated', id);
  }
}

/**
 * Twilio's delivery reports for booking texts, signed like the voice webhooks (403 otherwise).
 * Always answers an empty TwiML response: there is nothing for Twilio to do or retry.
 */
@ApiTags('twilio')
@Public()
@UseGuards(TwilioWebhookGuard)
@ApiExtension('x-twilio-signature', true)
@ApiConsumes('application/x-www-form-urlencoded')
@ApiForbiddenResponse({ description: 'Missing or wrong X-Twilio-Signature' })
@Controller('twilio/sms')
export class SmsStatusController {
  private readonly logger = new Logger('SmsStatus');

  constructor(private readonly messages: BookingMessages) {}

  @Post('status')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: 'A text’s delivery status; a failed one flags the booking needsCall' })
  @ApiOkResponse({ description: 'Empty TwiML', content: { 'text/xml': {} } })
  async status(@Body() params: Record<string, string>): Promise<string> {
    try {
      if (params.MessageSid && params.MessageStatus)
        await this.messages.delivery(String(params.MessageSid), String(params.MessageStatus));
    } catch (error) {
      this.logger.error({ err: serializeError(error as Error) }, 'SMS status not recorded');
    }
    return '<?xml version="1.0" encoding="UTF-8"?><Response/>';
  }
}
