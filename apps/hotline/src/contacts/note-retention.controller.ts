import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { NoteRetentionDto } from './dto/note-retention.dto';
import { NoteRetentionService } from './note-retention.service';

@ApiTags('contacts')
@SignedInRoutes()
@Roles('coordinator', 'admin')
@Controller('api/hotlines/:id/note-retention')
export class NoteRetentionController {
  constructor(private readonly retention: NoteRetentionService) {}

  @Get()
  @ApiOperation({ summary: 'How long confidential notes and numbers are kept' })
  @ApiOkResponse({ type: NoteRetentionDto })
  async get(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('hotline')) hotlineId: string,
  ): Promise<NoteRetentionDto> {
    const { noteRetentionDays } = await this.retention.retentionOf(actor, hotlineId);
    return { noteRetentionDays };
  }

  @Put()
  @ApiOperation({
    summary: 'Set how long confidential notes and numbers are kept',
    description: 'An hourly job clears them past it; the anonymous fields stay for statistics.',
  })
  @ApiOkResponse({ type: NoteRetentionDto })
  async set(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('hotline')) hotlineId: string,
    @Body() dto: NoteRetentionDto,
  ): Promise<NoteRetentionDto> {
    const { noteRetentionDays } = await this.retention.setRetention(
      actor,
      hotlineId,
      dto.noteRetentionDays,
    );
    return { noteRetentionDays };
  }
}
