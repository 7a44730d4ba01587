import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { defaultTaxonomy } from '@hotline/taxonomy';

@ValidatorConstraint({ name: 'topLevelTopic' })
class TopLevelTopic implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && defaultTaxonomy().isTopLevel(value);
  }

  defaultMessage(): string {
    return 'topic must be a top-level topic key from GET /api/taxonomy (emotional, learning, ...)';
  }
}

export class CreateTrainingCallDto {
  @ApiProperty({ description: 'The volunteer whose console the practice call rings' })
  @IsUUID('all', { message: 'volunteerId must be a volunteer id' })
  volunteerId!: string;

  @ApiPropertyOptional({ example: 'emotional', description: 'Top-level topic; default emotional' })
  @IsOptional()
  @Validate(TopLevelTopic)
  topic?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'What the practice caller says, line by line (shown to the volunteer)',
  })
  @IsOptional()
  @IsArray({ message: 'script must be a list of lines' })
  @ArrayMaxSize(50, { message: 'script may have at most 50 lines' })
  @IsString({ each: true, message: 'script lines must be text' })
  @MaxLength(500, { each: true, message: 'script lines must be at most 500 characters' })
  script?: string[];
}

export class TrainingCallView {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty() volunteerId!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ enum: ['offered', 'talking', 'ended'] }) status!: 'offered' | 'talking' | 'ended';
  @ApiPropertyOptional({
    enum: ['answered', 'abandoned'],
    description: 'answered: the volunteer took it; abandoned: it was not taken',
  })
  outcome?: string;
  @ApiProperty({ type: [String] }) script!: string[];
  @ApiProperty({ enum: [true] }) training!: true;
}
