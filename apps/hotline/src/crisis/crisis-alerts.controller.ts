import {
  ConflictException,
  Controller,
  HttpCode,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import { ContactAccess } from '../contacts/contact-access';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisAlerts } from './crisis-alerts.service';

/** Crisis alerts, as the console's `alert.acknowledge` command, for a supervisor of the hotline. */
@ApiTags('crisis cases')
@SignedInRoutes()
@Roles('supervisor')
@Controller('api/crisis-alerts')
export class CrisisAlertsController {
  constructor(private readonly alerts: CrisisAlerts) {}

  @Post(':id/acknowledge')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Acknowledge a crisis alert: it leaves every supervisor’s wall and stops ringing',
  })
  @ApiNoContentResponse({ description: 'Acknowledged (audited)' })
  @ApiConflictResponse({ description: 'Another supervisor acknowledged it already' })
  async acknowledge(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('crisis alert')) id: string,
  ): Promise<void> {
    const hotlineId = await this.alerts.hotlineOf(id);
    if (!hotlineId || !ContactAccess.supervises(actor, hotlineId))
      throw new NotFoundException(`No crisis alert ${id} on the hotlines you supervise.`);
    if (!(await this.alerts.acknowledge(actor, hotlineId, id)))
      throw new ConflictException('This alert was already acknowledged.');
  }
}
