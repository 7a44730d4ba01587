import { Body, Controller, Delete, Get, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CreateUnitDto, GrantUnitRoleDto, UnitView, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

const unit = IdParam('unit');
const hotline = IdParam('hotline');

/** The organisation's tree: read by anyone holding a unit role, built by admins. */
@ApiTags('units')
@SignedInRoutes()
@Controller('api/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: 'The units you may see (all for an admin), top first' })
  @ApiOkResponse({ type: [UnitView] })
  list(@SignedIn() actor: Volunteer): Promise<UnitView[]> {
    return this.units.list(actor);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a unit under another' })
  @ApiCreatedResponse({ type: UnitView })
  create(@SignedIn() actor: Volunteer, @Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.units.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a unit, or move it with everything below it' })
  @ApiOkResponse({ type: [UnitView] })
  @ApiNotFoundResponse()
  update(
    @SignedIn() actor: Volunteer,
    @Param('id', unit) id: string,
    @Body() dto: UpdateUnitDto,
  ): Promise<UnitView[]> {
    return this.units.update(actor, id, dto);
  }

  @Put(':id/hotlines/:hotlineId')
  @Roles('admin')
  @ApiOperation({ summary: 'Move a hotline into this unit' })
  @ApiOkResponse({ type: [UnitView] })
  @ApiNotFoundResponse()
  moveHotline(
    @SignedIn() actor: Volunteer,
    @Param('id', unit) id: string,
    @Param('hotlineId', hotline) hotlineId: string,
  ): Promise<UnitView[]> {
    return this.units.moveHotline(actor, id, hotlineId);
  }

  @Post(':id/roles')
  @Roles('admin')
  @ApiOperation({ summary: 'Give a person a role at this unit: they act on its whole subtree' })
  @ApiCreatedResponse({ type: [UnitView] })
  @ApiNotFoundResponse()
  grant(
    @SignedIn() actor: Volunteer,
    @Param('id', unit) id: string,
    @Body() dto: GrantUnitRoleDto,
  ): Promise<UnitView[]> {
    return this.units.grant(actor, id, dto);
  }

  @Delete(':id/roles')
  @Roles('admin')
  @ApiOperation({ summary: 'Take a role at this unit away' })
  @ApiOkResponse({ type: [UnitView] })
  @ApiNotFoundResponse()
  revoke(
    @SignedIn() actor: Volunteer,
    @Param('id', unit) id: string,
    @Body() dto: GrantUnitRoleDto,
  ): Promise<UnitView[]> {
    return this.units.revoke(actor, id, dto);
  }
}
