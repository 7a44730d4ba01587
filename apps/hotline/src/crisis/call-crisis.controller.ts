import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisOpening } from './crisis-opening.service';

export class CrisisNowView {
  @ApiProperty({ description: 'The crisis case of the call (opened now, or already open)' })
  crisisCaseId!: string;
}

/** "Crisis now", from the volunteer in the call; the console's `call.crisis` does the same. */
@ApiTags('crisis cases')
@SignedInRoutes()
@Controller('api/calls')
export class CallCrisisController {
  constructor(private readonly opening: CrisisOpening) {}

  @Post(':id/crisis')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Crisis now: open the crisis case of the call you are in and alert the supervisors',
    description:
      'Risk imminent, you as its author; the supervisors on duty get a console alarm (crisis_now, offering to join the call) and an SMS. Pressing it again returns the same case.',
  })
  @ApiOkResponse({ type: CrisisNowView })
  @ApiNotFoundResponse({ description: 'No call of yours with this id' })
  @ApiConflictResponse({ description: 'The call is over' })
  async crisisNow(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('call')) callId: string,
  ): Promise<CrisisNowView> {
    return { crisisCaseId: (await this.opening.crisisNow(volunteer, callId)).id };
  }
}
