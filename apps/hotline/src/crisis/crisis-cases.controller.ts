import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisCasesService } from './crisis-cases.service';
import { CrisisFollowUps } from './crisis-follow-ups.service';
import { CrisisReports } from './crisis-reports.service';
import {
  CloseCaseDto,
  CrisisCaseDetail,
  CrisisCaseQueryDto,
  CrisisCaseView,
  FollowUpDto,
  ReferralDto,
  ReportDraftView,
  ReportDto,
} from './dto/crisis-case.dto';

/**
 * Crisis cases, for the supervisors of the hotline and the volunteer whose call or contact it
 * is. Coordinators and admins count cases in statistics but do not read them.
 */
@ApiTags('crisis cases')
@SignedInRoutes()
@Roles('volunteer', 'supervisor')
@Controller('api/crisis-cases')
export class CrisisCasesController {
  constructor(
    private readonly cases: CrisisCasesService,
    private readonly reports: CrisisReports,
    private readonly followUps: CrisisFollowUps,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Crisis cases you work on, newest first; ?overdue=true: reports past due',
    description:
      'Supervisors: every case of their hotlines; volunteers: the cases of their own calls and records. Page with limit and offset.',
  })
  @ApiOkResponse({ type: [CrisisCaseView] })
  list(
    @SignedIn() actor: Volunteer,
    @Query() query: CrisisCaseQueryDto,
  ): Promise<CrisisCaseView[]> {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case with its report, referral and follow-ups (read audited)' })
  @ApiOkResponse({ type: CrisisCaseDetail })
  detail(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('crisis case')) id: string,
  ): Promise<CrisisCaseDetail> {
    return this.cases.detail(actor, id);
  }

  @Post(':id/take')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Take responsibility for the case as its supervisor' })
  @ApiOkResponse({ type: CrisisCaseDetail })
  @ApiConflictResponse({ description: 'The case is closed' })
  take(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('crisis case')) id: string,
  ): Promise<CrisisCaseDetail> {
    return this.cases.take(actor, id);
  }

  @Put(':id/referral')
  @ApiOperation({ summary: 'Refer the case to a partner hospital or service' })
  @ApiOkResponse({ type: CrisisCaseDetail })
  @ApiConflictResponse({ description: 'The case is closed, or the partner is retired' })
  refer(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('crisis case')) id: string,
    @Body() dto: ReferralDto,
  ): Promise<CrisisCaseDetail> {
    return this.reports.refer(actor, id, dto.partnerId, dto.note);
  }

  @Post(':id/follow-ups')
  @ApiOperation({ summary: 'Add what was done or learnt since' })
  @ApiCreatedResponse({ type: CrisisCaseDetail })
  followUp(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('crisis case')) id: string,
    @Body() dto: FollowUpDto,
  ): Promise<CrisisCaseDetail> {
    return this.followUps.addFollowUp(actor, id, dto.note);
  }

  @Put(':id/report')
  @ApiOperation({ summary: 'File the written report (due 12 hours after opening)' })
  @ApiOkResponse({ type: CrisisCaseDetail })
  @ApiConflictResponse({ description: 'Already filed, or the case is closed' })
  report(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('crisis case')) id: string,
    @Body() dto: ReportDto,
  ): Promise<CrisisCaseDetail> {
    return this.reports.fileReport(actor, id, dto.report);
  }

  @Put(':id/report-draft')
  @ApiOperation({
    summary: 'Save the written report as drafted so far, without filing it',
    description: 'Encrypted like the report; whoever files it later finds it in the case.',
  })
  @ApiOkResponse({ type: ReportDraftView })
  @ApiConflictResponse({ description: 'Already filed, or the case is closed' })
  reportDraft(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('crisis case')) id: string,
    @Body() dto: ReportDto,
  ): Promise<ReportDraftView> {
    return this.reports.saveReportDraft(actor, id, dto.report);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Close the case (its report must be filed)' })
  @ApiOkResponse({ type: CrisisCaseDetail })
  @ApiConflictResponse({ description: 'No report yet, or already closed' })
  close(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('crisis case')) id: string,
    @Body() dto: CloseCaseDto,
  ): Promise<CrisisCaseDetail> {
    return this.followUps.close(actor, id, dto.note);
  }
}
