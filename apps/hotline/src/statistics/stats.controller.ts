import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { Environment } from '../config/environment';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { MonthlyQuery, RangeQuery, StatsReport, YearlyQuery } from './dto/stats.dto';
import { monthPeriod, rangePeriod, yearPeriod } from './report-periods';
import { reportCsv } from './stats-csv';
import { ReportPeriod, StatsReportService } from './stats-report.service';
import { hotlineFor } from '../hotlines/hotline-scope';

type Answer = StatsReport | string;

/**
 * Statistics for coordinators, supervisors and admins: JSON for the dashboard, CSV for a
 * spreadsheet (`?format=csv` or `Accept: text/csv`). Months and years are calendar ones in
 * the hotline's time zone. No figure carries a note, a number or a record id.
 */
@ApiTags('statistics')
@SignedInRoutes()
@Roles('coordinator', 'supervisor', 'admin')
@Controller('api/stats')
export class StatsController {
  constructor(
    private readonly reports: StatsReportService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  @Get('monthly')
  @ApiOperation({ summary: 'One calendar month in the hotline’s time zone' })
  @ApiOkResponse({ type: StatsReport })
  @ApiProduces('application/json', 'text/csv')
  monthly(
    @SignedIn() actor: Volunteer,
    @Query() query: MonthlyQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Answer> {
    return this.answer(actor, query, request, response, monthPeriod(query.month));
  }

  @Get('yearly')
  @ApiOperation({ summary: 'One calendar year in the hotline’s time zone' })
  @ApiOkResponse({ type: StatsReport })
  @ApiProduces('application/json', 'text/csv')
  yearly(
    @SignedIn() actor: Volunteer,
    @Query() query: YearlyQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Answer> {
    return this.answer(actor, query, request, response, yearPeriod(query.year));
  }

  @Get('range')
  @ApiOperation({ summary: 'Local days from `from` to `to`, both included' })
  @ApiOkResponse({ type: StatsReport })
  @ApiProduces('application/json', 'text/csv')
  range(
    @SignedIn() actor: Volunteer,
    @Query() query: RangeQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Answer> {
    return this.answer(actor, query, request, response, rangePeriod(query));
  }

  private async answer(
    actor: Volunteer,
    query: { hotlineId?: string; serviceLevelSeconds?: number; format?: 'json' | 'csv' },
    request: Request,
    response: Response,
    period: ReportPeriod,
  ): Promise<Answer> {
    const report = await this.reports.report(
      hotlineFor(actor, query.hotlineId),
      period,
      query.serviceLevelSeconds ?? this.config.get('SERVICE_LEVEL_SECONDS', { infer: true }),
    );
    const csv =
      query.format === 'csv' ||
      (query.format === undefined &&
        request.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!csv) return report;
    response.type('text/csv; charset=utf-8');
    response.attachment(`hotline-statistics-${period.from}-${period.to}.csv`);
    return reportCsv(report, this.config.get('STATS_SMALL_CELL', { infer: true }));
  }
}
