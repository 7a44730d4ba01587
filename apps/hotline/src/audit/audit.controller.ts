import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { Roles, SignedIn } from '../auth/access.decorators';
import { Volunteer } from '../volunteers/volunteer.entity';
import { AuditService } from './audit.service';

class AuditQueryDto {
  @ApiPropertyOptional({ example: 'volunteer' })
  @IsOptional()
  @IsString()
  subjectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;
}

class AuditEventView {
  @ApiProperty() id!: string;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ example: 'volunteer.phone.read' }) action!: string;
  @ApiProperty() subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ nullable: true, type: String }) hotlineId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '203.0.113.7' }) origin!: string | null;
}

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'Who read or changed confidential records, from where, newest first',
    description: "Admins see every event; supervisors see their hotlines' events.",
  })
  @ApiOkResponse({ type: [AuditEventView] })
  list(@SignedIn() actor: Volunteer, @Query() query: AuditQueryDto): Promise<AuditEventView[]> {
    return this.audit.find({
      ...query,
      ...(actor.hasRole('admin') ? {} : { hotlineIds: actor.hotlineIds() }),
    });
  }
}
