import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ListLimit, ListOffset, QueryFlag, Trimmed } from '../../common/dto-fields';
import { CALLER_TYPES, type CallerType } from '../../calls/call.entity';
import { RISK_LEVELS, RiskLevel } from '../../contacts/contact-fields';
import { CRISIS_TRIGGERS, CrisisTrigger } from '../crisis-case.entity';
import { PARTNER_KINDS, PartnerKind } from '../partner.entity';

const TEXT_MAX = 8000;

export class CrisisCaseQueryDto {
  @QueryFlag('overdue', 'Only cases whose report is late (open, not filed, past due)')
  overdue?: boolean;

  @QueryFlag('open', 'Only cases not closed yet')
  open?: boolean;

  @QueryFlag('closed', 'Only closed cases')
  closed?: boolean;

  @ApiPropertyOptional({ description: 'Default: every hotline you work for' })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;

  @ListLimit()
  limit = 100;

  @ListOffset('Skip this many cases (the next page)')
  offset = 0;
}

/** A piece of confidential text (a follow-up, the report): required, trimmed, bounded. */
const confidentialText = (name: string) => (target: object, key: string) => {
  ApiProperty({ maxLength: TEXT_MAX, description: 'Confidential; encrypted' })(target, key);
  Trimmed()(target, key);
  IsString({ message: `${name} must be text` })(target, key);
  MinLength(1, { message: `${name} must not be empty` })(target, key);
  MaxLength(TEXT_MAX, { message: `${name} must be at most ${TEXT_MAX} characters` })(target, key);
};

export class FollowUpDto {
  @confidentialText('note')
  note!: string;
}

export class ReportDto {
  @confidentialText('report')
  report!: string;
}

export class ReferralDto {
  @ApiProperty({ description: 'A partner from GET /api/partners' })
  @IsUUID('all', { message: 'partnerId must be a partner id' })
  partnerId!: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: 'Confidential; encrypted' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'note must be text' })
  @MaxLength(TEXT_MAX, { message: `note must be at most ${TEXT_MAX} characters` })
  note?: string;
}

export class CloseCaseDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: 'How it ended; confidential' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'note must be text' })
  @MaxLength(TEXT_MAX, { message: `note must be at most ${TEXT_MAX} characters` })
  note?: string;
}

export class PartnerSummary {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind!: PartnerKind;
}

export class CrisisCallSummary {
  @ApiProperty() id!: string;
  @ApiProperty() arrivedAt!: string;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ nullable: true, enum: CALLER_TYPES }) callerType!: CallerType | null;
  @ApiProperty({ nullable: true, type: String, description: 'The topic chosen in the menu' })
  topic!: string | null;
  @ApiProperty({ nullable: true, type: Number }) waitSeconds!: number | null;
  @ApiProperty({ nullable: true, type: Number }) talkSeconds!: number | null;
}

export class ReportDraftView {
  @ApiProperty({ description: 'Confidential' }) report!: string;
  @ApiProperty() savedAt!: string;
  @ApiProperty() savedBy!: string;
  @ApiProperty({ nullable: true, type: String }) savedByName!: string | null;
}

export class CrisisCaseView {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty({ enum: CRISIS_TRIGGERS }) trigger!: CrisisTrigger;
  @ApiProperty({ nullable: true, enum: RISK_LEVELS }) riskLevel!: RiskLevel | null;
  @ApiProperty({ nullable: true, type: String }) callId!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who answered or counselled' })
  volunteerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) volunteerName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The supervisor who took it' })
  supervisorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) supervisorName!: string | null;
  @ApiProperty() openedAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The volunteer who opened it from their call ("crisis now")',
  })
  openedBy!: string | null;
  @ApiProperty({ nullable: true, type: PartnerSummary }) partner!: PartnerSummary | null;
  @ApiProperty({ nullable: true, type: String }) referredAt!: string | null;
  @ApiProperty({ description: '12 hours after opening' }) reportDueAt!: string;
  @ApiProperty({ nullable: true, type: String }) reportFiledAt!: string | null;
  @ApiProperty() reportOverdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
}

export class FollowUpView {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty({ nullable: true, type: String }) authorName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null once retention cleared it' })
  note!: string | null;
}

export class CrisisCaseDetail extends CrisisCaseView {
  @ApiProperty({ nullable: true, type: CrisisCallSummary, description: 'The call it came from' })
  call!: CrisisCallSummary | null;
  @ApiProperty({ nullable: true, type: String }) referralNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) report!: string | null;
  @ApiProperty({ nullable: true, type: String }) reportFiledBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) reportFiledByName!: string | null;
  @ApiProperty({
    nullable: true,
    type: ReportDraftView,
    description: 'The report as saved so far; null once filed',
  })
  reportDraft!: ReportDraftView | null;
  @ApiProperty({ nullable: true, type: String }) closingNote!: string | null;
  @ApiProperty({ type: [FollowUpView] }) followUps!: FollowUpView[];
}
