import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import { Environment } from '../config/environment';
import type { Volunteer } from '../volunteers/volunteer.entity';
import {
  CreateHotlineDto,
  HotlineStatusView,
  HotlineView,
  UpdateHotlineDto,
} from './dto/hotline.dto';
import { HotlinesService } from './hotlines.service';

const id = IdParam('hotline');

@ApiTags('hotlines')
@SignedInRoutes()
@Controller('api/hotlines')
export class HotlinesController {
  constructor(
    private readonly hotlines: HotlinesService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The hotlines you work for (every hotline for an admin)' })
  @ApiOkResponse({ type: [HotlineView] })
  list(@SignedIn() actor: Volunteer): Promise<HotlineView[]> {
    return this.hotlines.list(actor);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a hotline (a city or a school line of a province deployment)' })
  @ApiCreatedResponse({ type: HotlineView })
  create(@Body() dto: CreateHotlineDto): Promise<HotlineView> {
    return this.hotlines.create(dto, this.config.get('HOTLINE_TIMEZONE', { infer: true }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A hotline and its settings' })
  @ApiOkResponse({ type: HotlineView })
  @ApiNotFoundResponse()
  get(@SignedIn() actor: Volunteer, @Param('id', id) hotlineId: string): Promise<HotlineView> {
    return this.hotlines.get(actor, hotlineId);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Change settings: hours, closures, closed message, routing, prompts',
    description:
      "A coordinator changes the settings of their hotlines' evenings; the name, number, time zone, language and two-factor rule take an admin (403).",
  })
  @ApiOkResponse({ type: HotlineView })
  update(
    @SignedIn() actor: Volunteer,
    @Param('id', id) hotlineId: string,
    @Body() dto: UpdateHotlineDto,
  ): Promise<HotlineView> {
    return this.hotlines.update(actor, hotlineId, dto);
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Is the hotline open now, and when is the current or next opening' })
  @ApiOkResponse({ type: HotlineStatusView })
  async status(
    @SignedIn() actor: Volunteer,
    @Param('id', id) hotlineId: string,
  ): Promise<HotlineStatusView> {
    return this.hotlines.status(await this.hotlines.get(actor, hotlineId));
  }
}
