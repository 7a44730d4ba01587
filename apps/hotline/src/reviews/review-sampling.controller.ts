import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ReviewSamplingDto } from './dto/review.dto';
import { ReviewSelection } from './review-selection.service';

@ApiTags('case review')
@SignedInRoutes()
@Roles('supervisor', 'coordinator', 'admin')
@Controller('api/hotlines/:id/review-sampling')
export class ReviewSamplingController {
  constructor(private readonly selection: ReviewSelection) {}

  @Get()
  @ApiOperation({ summary: 'The share of other consultations sampled into the review queue' })
  @ApiOkResponse({ type: ReviewSamplingDto })
  async get(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('hotline')) hotlineId: string,
  ): Promise<ReviewSamplingDto> {
    return { samplePercent: await this.selection.samplePercent(actor, hotlineId) };
  }

  @Put()
  @ApiOperation({
    summary: 'Set the share sampled into the review queue (0 to 100 percent)',
    description:
      'Applies to records written from now on. High-risk consultations and those of trainees are always reviewed.',
  })
  @ApiOkResponse({ type: ReviewSamplingDto })
  async set(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('hotline')) hotlineId: string,
    @Body() dto: ReviewSamplingDto,
  ): Promise<ReviewSamplingDto> {
    return {
      samplePercent: await this.selection.setSamplePercent(actor, hotlineId, dto.samplePercent),
    };
  }
}
