import { ApiProperty } from '@nestjs/swagger';

class UnitLabelView {
  @ApiProperty() 'zh-CN'!: string;
  @ApiProperty() en!: string;
}

export class SuppressedRow {
  @ApiProperty() key!: string;
  @ApiProperty({ type: UnitLabelView }) label!: UnitLabelView;
  @ApiProperty({ nullable: true, type: Number, description: 'Null: suppressed (small cell)' })
  count!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Percent of the block; null when suppressed',
  })
  share!: number | null;
}

export class SuppressedBlock {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [SuppressedRow] }) rows!: SuppressedRow[];
}

export class UnitConsultations {
  @ApiProperty() total!: number;
  @ApiProperty({ type: SuppressedBlock }) byChannel!: SuppressedBlock;
  @ApiProperty({ type: SuppressedBlock }) byPrimaryTopicGroup!: SuppressedBlock;
  @ApiProperty({ type: SuppressedBlock }) byPrimaryTopic!: SuppressedBlock;
  @ApiProperty({ type: SuppressedBlock }) byCallerType!: SuppressedBlock;
  @ApiProperty({ type: SuppressedBlock }) byAgeBand!: SuppressedBlock;
  @ApiProperty({ type: SuppressedBlock }) byGender!: SuppressedBlock;
  @ApiProperty({ type: SuppressedBlock }) byRisk!: SuppressedBlock;
  @ApiProperty({ type: SuppressedBlock }) byOutcome!: SuppressedBlock;
}

export class UnitCalls {
  @ApiProperty({ description: 'Calls that joined a queue' }) offered!: number;
  @ApiProperty() answered!: number;
  @ApiProperty() abandoned!: number;
}

export class UnitComparison {
  @ApiProperty({ example: '2026-10-01' }) from!: string;
  @ApiProperty({ example: '2026-10-31' }) to!: string;
  @ApiProperty() consultations!: number;
  @ApiProperty() callsOffered!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Change of consultations to this period, percent, one decimal; null when it had none',
  })
  change!: number | null;
}

export class UnitComparisons {
  @ApiProperty({
    type: UnitComparison,
    description: 'The period just before (month, year or as many days)',
  })
  previous!: UnitComparison;
  @ApiProperty({ type: UnitComparison, description: 'The same period a year before' })
  yearBefore!: UnitComparison;
}

export class ChannelCell {
  @ApiProperty({ example: 'phone' }) channel!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Null: suppressed' })
  count!: number | null;
}

export class BreakdownRow {
  @ApiProperty() unitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "True for the unit's own hotlines (not in a child unit)" })
  own!: boolean;
  @ApiProperty({ nullable: true, type: Number }) consultations!: number | null;
  @ApiProperty({ type: [ChannelCell], description: 'Consultations per channel' })
  byChannel!: ChannelCell[];
  @ApiProperty({ nullable: true, type: Number }) callsOffered!: number | null;
}

export class UnitBreakdown {
  @ApiProperty({ type: [BreakdownRow] }) rows!: BreakdownRow[];
}

export class UnitPeriod {
  @ApiProperty({ enum: ['month', 'year', 'range'] }) kind!: 'month' | 'year' | 'range';
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class UnitStatsReport {
  @ApiProperty() unitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: UnitPeriod }) period!: UnitPeriod;
  @ApiProperty({ description: 'Counts from 1 to below this are suppressed (null)' })
  smallCell!: number;
  @ApiProperty({ description: 'Hotlines summed' }) hotlines!: number;
  @ApiProperty({ type: UnitConsultations }) consultations!: UnitConsultations;
  @ApiProperty({ type: UnitCalls }) calls!: UnitCalls;
  @ApiProperty({ type: UnitComparisons }) comparisons!: UnitComparisons;
  @ApiProperty({
    type: UnitBreakdown,
    description: 'By child unit, with complementary suppression',
  })
  breakdown!: UnitBreakdown;
}

export class CrisisOverviewRow {
  @ApiProperty() unitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() own!: boolean;
  @ApiProperty({ description: 'Cases not closed' }) openCases!: number;
  @ApiProperty({ description: 'Open cases whose report is missing past its deadline' })
  overdueReports!: number;
}

export class UnitCrisisOverview {
  @ApiProperty() unitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() openCases!: number;
  @ApiProperty() overdueReports!: number;
  @ApiProperty({ type: [CrisisOverviewRow] }) rows!: CrisisOverviewRow[];
}
