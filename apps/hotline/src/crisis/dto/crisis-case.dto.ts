import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ListLimit, QueryFlag, Trimmed } from '../../common/dto-fields';
import { RISK_LEVELS, RiskLevel } from '../../contacts/contact-fields';
import { CRISIS_TRIGGERS, CrisisTrigger } from '../crisis-case.entity';
import { PARTNER_KINDS, PartnerKind } from '../partner.entity';

const TEXT_MAX = 8000;

export class CrisisCaseQueryDto {
  @QueryFlag('overdue', 'Only cases whose report is late (open, not filed, past due)')
  overdue?: boolean;

  @QueryFlag('open', 'Only cases not closed yet')
  open?: boolean;

  @ApiPropertyOptional({ description: 'Default: every hotline you work for' })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;

  @ListLimit()
  limit = 100;
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

export class CrisisCaseView {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty({ enum: CRISIS_TRIGGERS }) trigger!: CrisisTrigger;
  @ApiProperty({ nullable: true, enum: RISK_LEVELS }) riskLevel!: RiskLevel | null;
  @ApiProperty({ nullable: true, type: String }) callId!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who answered or counselled' })
  volunteerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) supervisorId!: string | null;
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
  @ApiProperty({ nullable: true, type: String, description: 'Null once retention cleared it' })
  note!: string | null;
}

export class CrisisCaseDetail extends CrisisCaseView {
  @ApiProperty({ nullable: true, type: String }) referralNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) report!: string | null;
  @ApiProperty({ nullable: true, type: String }) closingNote!: string | null;
  @ApiProperty({ type: [FollowUpView] }) followUps!: FollowUpView[];
}
