import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Length } from 'class-validator';

export class ImportRequestDto {
  @ApiPropertyOptional({
    description:
      'The hotline the rows go to (default: your first); a row may name another unit or hotline',
  })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;

  @ApiPropertyOptional({
    enum: ['records', 'tallies'],
    description: 'One row per consultation (default), or counts per month × channel × topic',
  })
  @IsOptional()
  @IsIn(['records', 'tallies'], { message: 'kind must be records or tallies' })
  kind?: 'records' | 'tallies';

  @ApiPropertyOptional({
    enum: ['dry-run', 'commit'],
    description:
      'dry-run (default) checks and tells what would be added; commit adds it all or nothing',
  })
  @IsOptional()
  @IsIn(['dry-run', 'commit'], { message: 'mode must be dry-run or commit' })
  mode?: 'dry-run' | 'commit';

  @ApiPropertyOptional({
    description:
      'Where the rows come from (default "import"); with each row\'s key, it keys the row',
  })
  @IsOptional()
  @Length(1, 120, { message: 'source must be 1 to 120 characters' })
  source?: string;

  @ApiPropertyOptional({
    description:
      'Any id of your choosing: GET /api/imports/progress/{progressKey} tells how far a commit is',
  })
  @IsOptional()
  @IsUUID('all', { message: 'progressKey must be a UUID' })
  progressKey?: string;
}

export class TemplateQuery {
  @ApiPropertyOptional({ enum: ['records', 'tallies'] })
  @IsOptional()
  @IsIn(['records', 'tallies'], { message: 'kind must be records or tallies' })
  kind?: 'records' | 'tallies';

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] })
  @IsOptional()
  @IsIn(['zh-CN', 'en'], { message: 'language must be zh-CN or en' })
  language?: 'zh-CN' | 'en';
}

export class ImportProblemView {
  @ApiProperty({ description: 'Row of the sheet; the header is row 1' }) row!: number;
  @ApiProperty() column!: string;
  @ApiProperty() message!: string;
}

export class ImportCount {
  @ApiProperty({ example: '2023' }) key!: string;
  @ApiProperty() consultations!: number;
}

export class ImportReport {
  @ApiProperty({ enum: ['records', 'tallies'] }) kind!: 'records' | 'tallies';
  @ApiProperty({ description: 'True once the rows were added' }) committed!: boolean;
  @ApiProperty({ description: 'Rows read, not counting the header or empty rows' }) rows!: number;
  @ApiProperty({ description: 'Every problem (the first 1,000)', type: [ImportProblemView] })
  problems!: ImportProblemView[];
  @ApiProperty() problemCount!: number;
  @ApiProperty({ description: 'Rows that are (or would be) added' }) added!: number;
  @ApiProperty({ description: 'Rows imported before, left as they are' }) alreadyImported!: number;
  @ApiProperty({ description: 'Consultations the added rows count' }) consultations!: number;
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
  @ApiProperty({ type: [ImportCount] }) byYear!: ImportCount[];
  @ApiProperty({ type: [ImportCount] }) byChannel!: ImportCount[];
  @ApiProperty({ type: [ImportCount], description: 'Keyed by hotline id' })
  byHotline!: ImportCount[];
}

export class ImportProgressView {
  @ApiProperty({ enum: ['reading', 'writing', 'done', 'failed'] }) phase!: string;
  @ApiProperty() done!: number;
  @ApiProperty() total!: number;
}

export class ImportRefusal {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: ImportReport, description: 'The dry run: every problem' })
  report!: ImportReport;
}
