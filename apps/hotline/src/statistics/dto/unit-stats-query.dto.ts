import { PickType } from '@nestjs/swagger';
import { MonthlyQuery, RangeQuery, YearlyQuery } from './stats.dto';

export class UnitMonthlyQuery extends PickType(MonthlyQuery, ['month'] as const) {}
export class UnitYearlyQuery extends PickType(YearlyQuery, ['year'] as const) {}
export class UnitRangeQuery extends PickType(RangeQuery, ['from', 'to'] as const) {}
