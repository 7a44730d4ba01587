import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { IsNull, LessThanOrEqual, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { startRecurringJob } from '../common/recurring-job';
import { Cluster } from '../instances/cluster';
import { Environment } from '../config/environment';
import { Telephony } from '../telephony/telephony';
import { BookingSetupService } from './booking-setup.service';
import { Booking, BookingLanguage } from './booking.entity';
import { BOOKING_SMS, SessionFacts } from './sms-texts';
import { HotlineDirectory } from '../hotlines/hotline-directory';

/** Reminders go out this long before the session ("the day before"). */
const REMIND_HOURS = 24;
const EVERY_MS = 5 * 60_000;
/** Twilio's words for a text that did not arrive. */
const UNDELIVERED = new Set(['failed', 'undelivered']);

export const SMS_STATUS_PATH = '/twilio/sms/status';

/**
 * Texts to parents about their bookings: the confirmation, the reminder the day before, and
 * waitlist offers. Sending happens after the answer to the parent (a slow or failing Twilio
 * never holds up a booking); a text that cannot be sent, or that Twilio later reports as
 * failed or undelivered, flags the booking `needsCall` so staff phone the family instead.
 */
@Injectable()
export class BookingMessages implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('BookingMessages');
  private readonly pending = new Set<Promise<unknown>>();
  private stop?: () => void;

  constructor(
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    private readonly telephony: Telephony,
    private readonly cipher: FieldCipher,
    private readonly directory: HotlineDirectory,
    private readonly setup: BookingSetupService,
    private readonly config: ConfigService<Environment, true>,
    private readonly cluster: Cluster,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stop = startRecurringJob(
      'booking reminders',
      EVERY_MS,
      () => this.sendReminders(),
      this.logger,
      () => this.cluster.isLeader,
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stop?.();
    await this.settled();
  }

  /** Resolves when every text started so far has been handed to Twilio (or failed). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  manageUrl(token: string): string {
    return this.telephony.url(`/book/?manage=${token}`);
  }

  offerUrl(token: string): string {
    return this.telephony.url(`/book/?offer=${token}`);
  }

  async hotlinePhone(hotlineId: string): Promise<string | null> {
    const hotline = await this.directory.hotline(hotlineId);
    return hotline.phoneNumber ?? this.config.get('TWILIO_PHONE_NUMBER', { infer: true }) ?? null;
  }

  /** Confirms a booking (new, moved or taken from an offer), with its manage link. */
  confirm(booking: Booking, manageToken: string): void {
    this.later(async () => {
      const facts = await this.facts(booking, this.manageUrl(manageToken));
      const sid = await this.text(booking, BOOKING_SMS.confirmation(facts, booking.language));
      await this.bookings.update(
        booking.id,
        sid
          ? { confirmationSid: sid, smsStatus: 'queued' }
          : { needsCall: true, smsStatus: 'not_sent' },
      );
    });
  }

  /** Offers a held time to a waiting parent; nobody to flag if it fails, the offer just passes. */
  offer(
    held: Booking,
    to: { phoneEncrypted: string; language: BookingLanguage },
    token: string,
    holdMinutes: number,
  ): void {
    this.later(async () => {
      const facts = await this.facts(held, this.offerUrl(token));
      await this.send(
        this.cipher.decrypt(to.phoneEncrypted),
        BOOKING_SMS.offer(facts, to.language, holdMinutes),
      );
    });
  }

  /** Reminds every family whose session is within a day; each booking once. Returns how many. */
  async sendReminders(): Promise<number> {
    const now = this.clock.now();
    const due = await this.bookings.find({
      where: {
        status: 'booked',
        remindedAt: IsNull(),
        startsAt: LessThanOrEqual(now.plus({ hours: REMIND_HOURS }).toJSDate()),
      },
    });
    let sent = 0;
    for (const booking of due.filter((b) => b.startsAt > now.toJSDate())) {
      // Claimed first, so two servers (or two runs) never text a family twice.
      const claimed = await this.bookings.update(
        { id: booking.id, remindedAt: IsNull(), status: 'booked' },
        { remindedAt: now.toJSDate() },
      );
      if (!claimed.affected) continue;
      const facts = await this.facts(booking, this.telephony.url('/book/'));
      const sid = await this.text(booking, BOOKING_SMS.reminder(facts, booking.language));
      await this.bookings.update(
        booking.id,
        sid
          ? { reminderSid: sid, smsStatus: 'queued' }
          : { needsCall: true, smsStatus: 'not_sent' },
      );
      if (sid) sent += 1;
    }
    return sent;
  }

  /** Twilio's delivery report for one of our texts; a failure asks staff to phone the family. */
  async delivery(messageSid: string, status: string): Promise<void> {
    const booking = await this.bookings.findOne({
      where: [{ confirmationSid: messageSid }, { reminderSid: messageSid }],
    });
    if (!booking) return;
    const failed = UNDELIVERED.has(status);
    await this.bookings.update(booking.id, {
      smsStatus: status.slice(0, 16),
      ...(failed ? { needsCall: true } : {}),
      updatedAt: this.clock.now().toJSDate(),
    });
    if (failed)
      this.logger.warn({ booking: booking.reference }, 'a booking text was not delivered');
  }

  /** Whether a session is near enough that no separate reminder is needed. */
  remindedOnBooking(startsAt: Date): Date | null {
    return startsAt <= this.clock.now().plus({ hours: REMIND_HOURS }).toJSDate()
      ? this.clock.now().toJSDate()
      : null;
  }

  private async facts(booking: Booking, link: string): Promise<SessionFacts> {
    const hotline = await this.directory.hotline(booking.hotlineId);
    const settings = await this.setup.settings(booking.hotlineId);
    return {
      hotlineName: hotline.name,
      reference: booking.reference,
      start: DateTime.fromJSDate(booking.startsAt, { zone: hotline.timeZone }),
      centreAddress: settings.centreAddress,
      link,
      hotlinePhone: await this.hotlinePhone(booking.hotlineId),
    };
  }

  /** Texts the booking's parent; the message sid, or null when it could not be sent. */
  private async text(booking: Booking, body: string): Promise<string | null> {
    if (!booking.phoneEncrypted) return null;
    return this.send(this.cipher.decrypt(booking.phoneEncrypted), body);
  }

  private async send(to: string, body: string): Promise<string | null> {
    if (!this.telephony.enabled) return null;
    try {
      return await this.telephony.sendSms(to, body, this.telephony.url(SMS_STATUS_PATH));
    } catch (error) {
      // Never the number or the text: only that it failed.
      this.logger.warn({ err: (error as Error).message }, 'a booking text could not be sent');
      return null;
    }
  }

  private later(work: () => Promise<void>): void {
    const running = work().catch((error: Error) =>
      this.logger.error({ err: error.message }, 'booking text failed'),
    );
    this.pending.add(running);
    void running.finally(() => this.pending.delete(running));
  }
}
