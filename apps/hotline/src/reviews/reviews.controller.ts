import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CaseReviews } from './case-reviews.service';
import {
  MyReviewsQuery,
  ReviewDetail,
  ReviewPage,
  ReviewQueueQuery,
  ReviewTextDto,
  SignOffDto,
} from './dto/review.dto';
import { ReviewQueue } from './review-queue.service';

/**
 * Case review: the supervisors' queue, their comments and verdicts, and each volunteer's
 * feedback on their own records with their answers. Every read is audited.
 */
@ApiTags('case review')
@SignedInRoutes()
@Controller('api')
export class ReviewsController {
  constructor(
    private readonly queue: ReviewQueue,
    private readonly reviews: CaseReviews,
  ) {}

  @Get('reviews')
  @Roles('supervisor')
  @ApiOperation({
    summary: "The hotline's review queue, a page at a time (read audited)",
    description:
      'High-risk consultations, those of trainees, and a sample of the rest; not your own. Without status: every review.',
  })
  @ApiOkResponse({ type: ReviewPage })
  list(@SignedIn() actor: Volunteer, @Query() query: ReviewQueueQuery): Promise<ReviewPage> {
    return this.queue.queue(actor, query);
  }

  @Get('me/reviews')
  @ApiOperation({
    summary: 'Feedback on your own records: reviews a supervisor has written on (read audited)',
  })
  @ApiOkResponse({ type: ReviewPage })
  mine(@SignedIn() actor: Volunteer, @Query() query: MyReviewsQuery): Promise<ReviewPage> {
    return this.queue.mine(actor, query);
  }

  @Get('reviews/:id')
  @ApiOperation({
    summary: 'One review: the record with its notes, what was written, what you may do',
    description: 'Its supervisors, and its volunteer once there is feedback. Read audited.',
  })
  @ApiOkResponse({ type: ReviewDetail })
  @ApiNotFoundResponse({ description: 'No review you may read' })
  detail(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('review')) id: string,
  ): Promise<ReviewDetail> {
    return this.reviews.detail(actor, id);
  }

  @Post('reviews/:id/comments')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Comment on the record without a verdict (confidential)' })
  @ApiOkResponse({ type: ReviewDetail })
  comment(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('review')) id: string,
    @Body() dto: ReviewTextDto,
  ): Promise<ReviewDetail> {
    return this.reviews.act(actor, id, 'comment', dto.text);
  }

  @Post('reviews/:id/request-changes')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Ask the volunteer for changes, saying which (confidential)' })
  @ApiOkResponse({ type: ReviewDetail })
  @ApiConflictResponse({ description: 'Changes are already asked for' })
  requestChanges(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('review')) id: string,
    @Body() dto: ReviewTextDto,
  ): Promise<ReviewDetail> {
    return this.reviews.act(actor, id, 'request_changes', dto.text);
  }

  @Post('reviews/:id/sign-off')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Sign the record off, with a word if you like (confidential)' })
  @ApiOkResponse({ type: ReviewDetail })
  @ApiConflictResponse({ description: 'Already signed off' })
  signOff(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('review')) id: string,
    @Body() dto: SignOffDto,
  ): Promise<ReviewDetail> {
    return this.reviews.act(actor, id, 'sign_off', dto.text);
  }

  @Post('reviews/:id/answers')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer the feedback on your own record (confidential)',
    description: 'An answer to a verdict puts the review back in the supervisors’ queue.',
  })
  @ApiOkResponse({ type: ReviewDetail })
  answer(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('review')) id: string,
    @Body() dto: ReviewTextDto,
  ): Promise<ReviewDetail> {
    return this.reviews.act(actor, id, 'answer', dto.text);
  }
}
