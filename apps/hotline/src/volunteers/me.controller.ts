import { Body, Controller, Get, HttpCode, Patch, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EnrolmentAllowed, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { ChangePasswordDto, UpdateMeDto, VolunteerView } from './dto/volunteer.dto';
import { Volunteer } from './volunteer.entity';
import { VolunteersService } from './volunteers.service';

@ApiTags('me')
@SignedInRoutes()
@Controller('api/me')
export class MeController {
  constructor(private readonly volunteers: VolunteersService) {}

  @Get()
  @EnrolmentAllowed()
  @ApiOperation({ summary: 'Your own profile' })
  @ApiOkResponse({ type: VolunteerView })
  me(@SignedIn() actor: Volunteer): Promise<VolunteerView> {
    return this.volunteers.me(actor);
  }

  @Patch()
  @ApiOperation({ summary: 'Change your name, phone, languages or how calls reach you' })
  @ApiOkResponse({ type: VolunteerView })
  update(@SignedIn() actor: Volunteer, @Body() dto: UpdateMeDto): Promise<VolunteerView> {
    return this.volunteers.updateMe(actor, dto);
  }

  @Put('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password (needs the current one)' })
  @ApiNoContentResponse()
  changePassword(@SignedIn() actor: Volunteer, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.volunteers.changeMyPassword(actor, dto);
  }
}
