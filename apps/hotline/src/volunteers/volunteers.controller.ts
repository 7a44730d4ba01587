import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import {
  CreateVolunteerDto,
  ListVolunteersQuery,
  ResetPasswordDto,
  UpdateVolunteerDto,
  VolunteerPage,
  VolunteerView,
} from './dto/volunteer.dto';
import { Volunteer } from './volunteer.entity';
import { VolunteersService } from './volunteers.service';

const id = IdParam('volunteer');

@ApiTags('volunteers')
@SignedInRoutes()
@Roles('coordinator', 'admin')
@Controller('api/volunteers')
export class VolunteersController {
  constructor(private readonly volunteers: VolunteersService) {}

  @Get()
  @ApiOperation({ summary: 'Volunteers of the hotlines you work for (all hotlines for an admin)' })
  @ApiOkResponse({ type: VolunteerPage })
  list(@SignedIn() actor: Volunteer, @Query() query: ListVolunteersQuery): Promise<VolunteerPage> {
    return this.volunteers.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: 'Add a volunteer, supervisor, coordinator or admin' })
  @ApiCreatedResponse({ type: VolunteerView })
  @ApiBadRequestResponse({ description: 'Invalid fields, listed by name' })
  @ApiConflictResponse({ description: 'Email or softphone identity already in use' })
  create(@SignedIn() actor: Volunteer, @Body() dto: CreateVolunteerDto): Promise<VolunteerView> {
    return this.volunteers.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One volunteer, with their phone number (the read is audited)' })
  @ApiOkResponse({ type: VolunteerView })
  @ApiNotFoundResponse()
  get(@SignedIn() actor: Volunteer, @Param('id', id) volunteerId: string): Promise<VolunteerView> {
    return this.volunteers.get(actor, volunteerId);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a profile, roles, hotlines; active=false deactivates (nothing is deleted)',
  })
  @ApiOkResponse({ type: VolunteerView })
  update(
    @SignedIn() actor: Volunteer,
    @Param('id', id) volunteerId: string,
    @Body() dto: UpdateVolunteerDto,
  ): Promise<VolunteerView> {
    return this.volunteers.update(actor, volunteerId, dto);
  }

  @Put(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password for someone who forgot theirs' })
  @ApiNoContentResponse()
  resetPassword(
    @SignedIn() actor: Volunteer,
    @Param('id', id) volunteerId: string,
    @Body() dto: ResetPasswordDto,
  ): Promise<void> {
    return this.volunteers.resetPassword(actor, volunteerId, dto.password);
  }
}
