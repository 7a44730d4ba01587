import {
  Body,
  Controller,
  Delete,
  ExecutionContext,
  Get,
  Injectable,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../auth/access.decorators';
import { BookingViews } from './booking-views';
import {
  BookingConflictView,
  BookedView,
  BookingOptionsView,
  CancelledView,
  ManagedBookingView,
  WaitlistOfferView,
  PublicBookingDto,
  RescheduleDto,
  SlotsQuery,
  SlotsView,
  WaitlistDto,
  WaitlistView,
} from './dto/booking.dto';
import { FamilyBookings } from './family-bookings';
import { SlotPlan } from './slot-plan';
import { Waitlist } from './waitlist';
import { WaitlistOffers } from './waitlist-offers';

/** One budget per client address across every public booking route (not one per route). */
@Injectable()
export class PublicRateLimit extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return String(request.ip ?? 'unknown');
  }

  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return `${name}:${tracker}`;
  }
}

/**
 * The public booking page's API: no sign-in, a request budget per client address, every
 * input validated. The manage and offer tokens in the paths are the parents' keys.
 */
@ApiTags('bookings (public)')
@Public()
@UseGuards(PublicRateLimit)
@ApiTooManyRequestsResponse({ description: 'Too many requests from this address; wait a minute' })
@Controller('api/public')
export class PublicBookingsController {
  constructor(
    private readonly views: BookingViews,
    private readonly plan: SlotPlan,
    private readonly bookings: FamilyBookings,
    private readonly waitlist: Waitlist,
    private readonly offers: WaitlistOffers,
  ) {}

  @Get('booking-options')
  @ApiOperation({ summary: 'What the booking page shows: centre, rules, topics, age bands' })
  @ApiOkResponse({ type: BookingOptionsView })
  options(): Promise<BookingOptionsView> {
    return this.views.options();
  }

  @Get('slots')
  @ApiOperation({ summary: 'Free session times of local dates (at most 31 days)' })
  @ApiOkResponse({ type: SlotsView })
  slots(@Query() query: SlotsQuery): Promise<SlotsView> {
    return this.plan.publicSlots(query.from, query.to, query.topic);
  }

  @Post('bookings')
  @ApiOperation({ summary: 'Book a session; the answer carries the manage link (shown once)' })
  @ApiCreatedResponse({ type: BookedView })
  @ApiConflictResponse({
    type: BookingConflictView,
    description: 'The time is taken or not offered; `alternatives` lists free times',
  })
  book(@Body() dto: PublicBookingDto): Promise<BookedView> {
    return this.bookings.publicBook(dto);
  }

  @Get('bookings/:token')
  @ApiOperation({ summary: 'A booking, by its manage token' })
  @ApiOkResponse({ type: ManagedBookingView })
  @ApiNotFoundResponse({ description: 'Unknown or replaced token' })
  managed(@Param('token') token: string): Promise<ManagedBookingView> {
    return this.bookings.managed(token);
  }

  @Delete('bookings/:token')
  @ApiOperation({ summary: 'Cancel (until the change cut-off)' })
  @ApiOkResponse({ type: CancelledView })
  @ApiConflictResponse({ description: 'Past the cut-off: call the hotline' })
  cancel(@Param('token') token: string): Promise<CancelledView> {
    return this.bookings.cancel(token);
  }

  @Post('bookings/:token/reschedule')
  @ApiOperation({ summary: 'Move to another free time; the old token stops working' })
  @ApiCreatedResponse({ type: BookedView })
  @ApiConflictResponse({
    type: BookingConflictView,
    description: 'Taken, or past the cut-off; the booking is unchanged',
  })
  reschedule(@Param('token') token: string, @Body() dto: RescheduleDto): Promise<BookedView> {
    return this.bookings.reschedule(token, dto.start);
  }

  @Post('waitlist')
  @ApiOperation({ summary: 'Wait for a time on a day; a freed time is offered by text' })
  @ApiCreatedResponse({ type: WaitlistView })
  joinWaitlist(@Body() dto: WaitlistDto): Promise<WaitlistView> {
    return this.waitlist.join(dto);
  }

  @Get('offers/:token')
  @ApiOperation({ summary: 'A time held for you from the waitlist' })
  @ApiOkResponse({ type: WaitlistOfferView })
  @ApiNotFoundResponse({ description: 'Ran out or already used' })
  offer(@Param('token') token: string): Promise<WaitlistOfferView> {
    return this.offers.offer(token);
  }

  @Post('offers/:token/accept')
  @ApiOperation({ summary: 'Book the held time' })
  @ApiCreatedResponse({ type: BookedView })
  accept(@Param('token') token: string): Promise<BookedView> {
    return this.offers.accept(token);
  }
}
