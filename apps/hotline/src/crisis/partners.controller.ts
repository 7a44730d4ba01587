import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { HotlineQuery } from '../calls/dto/calls.dto';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CreatePartnerDto, PartnerView, UpdatePartnerDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';

@ApiTags('partners')
@SignedInRoutes()
@Controller('api/partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @ApiOperation({ summary: 'Partner hospitals and services of your hotlines' })
  @ApiOkResponse({ type: [PartnerView] })
  list(@SignedIn() actor: Volunteer, @Query() query: HotlineQuery): Promise<PartnerView[]> {
    return this.partners.list(actor, query.hotlineId);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Add a partner hospital or service' })
  @ApiCreatedResponse({ type: PartnerView })
  create(@SignedIn() actor: Volunteer, @Body() dto: CreatePartnerDto): Promise<PartnerView> {
    return this.partners.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Change a partner, or retire it (active: false)' })
  @ApiOkResponse({ type: PartnerView })
  update(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('partner')) id: string,
    @Body() dto: UpdatePartnerDto,
  ): Promise<PartnerView> {
    return this.partners.update(actor, id, dto);
  }
}
