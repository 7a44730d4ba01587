import { Controller, Get, Param, Query } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import { Environment } from '../config/environment';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { UnitMonthlyQuery, UnitRangeQuery, UnitYearlyQuery } from './dto/unit-stats-query.dto';
import { UnitCrisisOverview, UnitStatsReport } from './dto/unit-stats.dto';
import { monthPeriod, rangePeriod, yearPeriod } from './report-periods';
import type { ReportPeriod } from './stats-report.service';
import { UnitReportService } from './unit-report.service';

const unit = IdParam('unit');

/**
 * Statistics of a unit of the organisation (a school, a county, a city, the province): its
 * whole subtree, with a breakdown by child unit. Counts from 1 to below `STATS_SMALL_CELL`
 * are null, and so are the cells that would give them back.
 */
@ApiTags('statistics')
@SignedInRoutes()
@Roles('coordinator', 'supervisor', 'admin')
@Controller('api/units/:id')
export class UnitStatsController {
  constructor(
    private readonly reports: UnitReportService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  @Get('stats/monthly')
  @ApiOperation({ summary: "A unit's calendar month, its subtree summed" })
  @ApiOkResponse({ type: UnitStatsReport })
  @ApiNotFoundResponse()
  monthly(
    @SignedIn() actor: Volunteer,
    @Param('id', unit) unitId: string,
    @Query() query: UnitMonthlyQuery,
  ): Promise<UnitStatsReport> {
    return this.report(actor, unitId, monthPeriod(query.month));
  }

  @Get('stats/yearly')
  @ApiOperation({ summary: "A unit's calendar year, its subtree summed" })
  @ApiOkResponse({ type: UnitStatsReport })
  @ApiNotFoundResponse()
  yearly(
    @SignedIn() actor: Volunteer,
    @Param('id', unit) unitId: string,
    @Query() query: UnitYearlyQuery,
  ): Promise<UnitStatsReport> {
    return this.report(actor, unitId, yearPeriod(query.year));
  }

  @Get('stats/range')
  @ApiOperation({ summary: "A unit's local days from `from` to `to`, its subtree summed" })
  @ApiOkResponse({ type: UnitStatsReport })
  @ApiNotFoundResponse()
  range(
    @SignedIn() actor: Volunteer,
    @Param('id', unit) unitId: string,
    @Query() query: UnitRangeQuery,
  ): Promise<UnitStatsReport> {
    return this.report(actor, unitId, rangePeriod(query));
  }

  @Get('crisis')
  @ApiOperation({ summary: 'Open crisis cases and overdue reports per child unit (counts only)' })
  @ApiOkResponse({ type: UnitCrisisOverview })
  @ApiNotFoundResponse()
  crisis(
    @SignedIn() actor: Volunteer,
    @Param('id', unit) unitId: string,
  ): Promise<UnitCrisisOverview> {
    return this.reports.crisis(actor, unitId);
  }

  private report(actor: Volunteer, unitId: string, period: ReportPeriod) {
    return this.reports.report(
      actor,
      unitId,
      period,
      this.config.get('STATS_SMALL_CELL', { infer: true }),
    );
  }
}
