import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { HotlineQuery } from '../calls/dto/calls.dto';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { AttendanceService } from './attendance.service';
import { CalendarFeedService } from './calendar-feed.service';
import {
  AttendanceCorrectionDto,
  AttendanceRow,
  CalendarFeedView,
  ChangeShiftDto,
  CoverageView,
  GenerateResult,
  GenerateShiftsDto,
  PeriodQuery,
  ShiftTemplateDto,
  ShiftTemplateView,
  ShiftView,
  SignUpDto,
  UpdateShiftTemplateDto,
} from './dto/shift.dto';
import { ShiftSignups } from './shift-signups.service';
import { ShiftsService } from './shifts.service';

const PLANNING = ['coordinator', 'admin'] as const;

@ApiTags('shifts')
@SignedInRoutes()
@Controller('api')
export class ShiftsController {
  constructor(
    private readonly shifts: ShiftsService,
    private readonly signups: ShiftSignups,
    private readonly attendance: AttendanceService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @Get('shift-templates')
  @Roles(...PLANNING, 'supervisor')
  @ApiOperation({ summary: 'The repeating shifts of a hotline' })
  @ApiOkResponse({ type: [ShiftTemplateView] })
  templates(
    @SignedIn() actor: Volunteer,
    @Query() query: HotlineQuery,
  ): Promise<ShiftTemplateView[]> {
    return this.shifts.listTemplates(actor, query.hotlineId);
  }

  @Post('shift-templates')
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Add a repeating shift (local times, weekdays, headcount)' })
  @ApiCreatedResponse({ type: ShiftTemplateView })
  createTemplate(
    @SignedIn() actor: Volunteer,
    @Body() dto: ShiftTemplateDto,
  ): Promise<ShiftTemplateView> {
    return this.shifts.createTemplate(actor, dto);
  }

  @Patch('shift-templates/:id')
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Change a template (shifts already generated keep theirs)' })
  @ApiOkResponse({ type: ShiftTemplateView })
  updateTemplate(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('shift template')) id: string,
    @Body() dto: UpdateShiftTemplateDto,
  ): Promise<ShiftTemplateView> {
    return this.shifts.updateTemplate(actor, id, dto);
  }

  @Post('shifts/generate')
  @HttpCode(200)
  @Roles(...PLANNING)
  @ApiOperation({
    summary: 'Create the shifts the templates plan for local dates (at most 92 days)',
  })
  @ApiOkResponse({ type: GenerateResult })
  generate(@SignedIn() actor: Volunteer, @Body() dto: GenerateShiftsDto): Promise<GenerateResult> {
    return this.shifts.generate(actor, dto);
  }

  @Get('shifts')
  @ApiOperation({ summary: 'Shifts of local dates, with who is on them' })
  @ApiOkResponse({ type: [ShiftView] })
  list(@SignedIn() actor: Volunteer, @Query() query: PeriodQuery): Promise<ShiftView[]> {
    return this.shifts.list(actor, query);
  }

  @Patch('shifts/:id')
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Change how many people a shift needs' })
  @ApiOkResponse({ type: ShiftView })
  @ApiConflictResponse({ description: 'More people are signed up than the new headcount' })
  change(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('shift')) id: string,
    @Body() dto: ChangeShiftDto,
  ): Promise<ShiftView> {
    return this.shifts.change(actor, id, dto);
  }

  @Post('shifts/:id/cancel')
  @HttpCode(200)
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Cancel a shift (it stays, marked cancelled, in calendars)' })
  @ApiOkResponse({ type: ShiftView })
  cancel(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('shift')) id: string,
  ): Promise<ShiftView> {
    return this.shifts.cancel(actor, id);
  }

  @Post('shifts/:id/signups')
  @ApiOperation({ summary: 'Sign up (or, coordinators, sign someone up) for a shift' })
  @ApiCreatedResponse({ type: ShiftView })
  @ApiConflictResponse({ description: 'Full, started, overlapping, cancelled, or the wrong role' })
  signUp(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('shift')) id: string,
    @Body() dto: SignUpDto,
  ): Promise<ShiftView> {
    return this.signups.signUp(actor, id, dto);
  }

  @Delete('shifts/:id/signups/:volunteerId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw (yourself until the cut-off; coordinators anyone, any time)' })
  @ApiNoContentResponse()
  withdraw(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('shift')) id: string,
    @Param('volunteerId', IdParam('volunteer')) volunteerId: string,
  ): Promise<void> {
    return this.signups.withdraw(actor, id, volunteerId);
  }

  @Put('shifts/:id/signups/:volunteerId/attendance')
  @HttpCode(204)
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Correct whether someone came (and how late)' })
  correct(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('shift')) id: string,
    @Param('volunteerId', IdParam('volunteer')) volunteerId: string,
    @Body() dto: AttendanceCorrectionDto,
  ): Promise<void> {
    return this.attendance.correct(actor, id, volunteerId, dto);
  }

  @Get('coverage')
  @Roles(...PLANNING, 'supervisor')
  @ApiOperation({ summary: 'Needed against signed-up people per shift, the gaps, the gap score' })
  @ApiOkResponse({ type: CoverageView })
  coverage(@SignedIn() actor: Volunteer, @Query() query: PeriodQuery): Promise<CoverageView> {
    return this.shifts.coverage(actor, query);
  }

  @Get('attendance')
  @Roles(...PLANNING)
  @ApiOperation({ summary: 'Per person: shifts, attended, late, no-shows' })
  @ApiOkResponse({ type: [AttendanceRow] })
  attendanceReport(
    @SignedIn() actor: Volunteer,
    @Query() query: PeriodQuery,
  ): Promise<AttendanceRow[]> {
    return this.attendance.report(actor, query);
  }

  @Get('me/shifts')
  @ApiOperation({ summary: 'Your shifts, from a month ago on' })
  @ApiOkResponse({ type: [ShiftView] })
  mine(@SignedIn() actor: Volunteer): Promise<ShiftView[]> {
    return this.shifts.mine(actor);
  }

  @Post('me/calendar-feed')
  @ApiOperation({ summary: 'A private calendar address of your shifts (replaces the old one)' })
  @ApiCreatedResponse({ type: CalendarFeedView })
  createFeed(@SignedIn() actor: Volunteer): Promise<CalendarFeedView> {
    return this.feeds.create(actor);
  }

  @Delete('me/calendar-feed')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop your calendar address from working' })
  revokeFeed(@SignedIn() actor: Volunteer): Promise<void> {
    return this.feeds.revoke(actor);
  }
}

/** The calendar feed itself: public, the token in the address is the key. */
@ApiTags('shifts')
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':file')
  @Public()
  @ApiOperation({ summary: 'A person’s shifts as iCalendar (GET /calendar/<token>.ics)' })
  @ApiProduces('text/calendar')
  async feed(
    @Param('file') file: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const body = await this.feeds.feed(file.endsWith('.ics') ? file.slice(0, -4) : '');
    response.type('text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'private, max-age=300');
    return body;
  }
}
