import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CreateTrainingCallDto, TrainingCallView } from './dto/training-calls.dto';
import { TrainingCallsService } from './training-calls.service';
import { SwitchboardRefusalFilter } from './switchboard-refusal';

/**
 * Practice calls. Supervisors, coordinators and admins ring one on a volunteer of their
 * hotline; a volunteer may ring one on themself. Roles are checked in the service, since the
 * volunteer concerned may act without any of them.
 */
@ApiTags('calls')
@SignedInRoutes()
@UseFilters(SwitchboardRefusalFilter)
@Controller('api/training-calls')
export class TrainingCallsController {
  constructor(private readonly training: TrainingCallsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Ring a practice call on one available volunteer: no telephony, no statistics, marked training',
  })
  @ApiCreatedResponse({ type: TrainingCallView })
  @ApiConflictResponse({ description: 'The volunteer is not available now' })
  @ApiNotFoundResponse({ description: 'No such volunteer on your hotlines' })
  create(
    @SignedIn() actor: Volunteer,
    @Body() dto: CreateTrainingCallDto,
  ): Promise<TrainingCallView> {
    return this.training.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A practice call: its state and what the caller says' })
  @ApiOkResponse({ type: TrainingCallView })
  get(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('practice call')) id: string,
  ): Promise<TrainingCallView> {
    return this.training.get(actor, id);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'The practice caller hangs up; the volunteer is free again at once' })
  @ApiOkResponse({ type: TrainingCallView })
  @ApiConflictResponse({ description: 'It has ended already' })
  end(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('practice call')) id: string,
  ): Promise<TrainingCallView> {
    return this.training.end(actor, id);
  }
}
