import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { In, Repository } from 'typeorm';
import { FreeSlot } from '@hotline/calendar';
import type { Clock } from '@hotline/clock';
import { defaultTaxonomy } from '@hotline/taxonomy';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { AGE_BANDS } from '../contacts/contact-fields';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Volunteer } from '../volunteers/volunteer.entity';
import { BookingMessages } from './booking-messages.service';
import { BookingSetupService } from './booking-setup.service';
import { Booking, Room } from './booking.entity';
import {
  BookedView,
  BookingOptionsView,
  BookingSettingsView,
  SlotView,
  StaffBookingView,
} from './dto/booking.dto';

const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], { en: string; 'zh-CN': string }> = {
  under_6: { en: 'Under 6', 'zh-CN': '6岁以下' },
  '6_11': { en: '6 to 11', 'zh-CN': '6-11岁' },
  '12_14': { en: '12 to 14', 'zh-CN': '12-14岁' },
  '15_17': { en: '15 to 17', 'zh-CN': '15-17岁' },
  '18_plus': { en: '18 or older', 'zh-CN': '18岁及以上' },
  unknown: { en: 'Prefer not to say', 'zh-CN': '不便透露' },
};

export function slotView(slot: FreeSlot): SlotView {
  return {
    start: slot.startsAt.toISOString(),
    end: slot.endsAt.toISOString(),
    localDate: slot.localDate,
    localTime: slot.localTime,
  };
}

/** How bookings are shown: to the public page, to the family after booking, and to staff. */
@Injectable()
export class BookingViews {
  constructor(
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    private readonly directory: HotlineDirectory,
    private readonly setup: BookingSetupService,
    private readonly messages: BookingMessages,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** What the public page shows: centre, rules, topics, age bands. */
  async options(): Promise<BookingOptionsView> {
    const hotlineId = await this.setup.publicHotline();
    const hotline = await this.directory.hotline(hotlineId);
    const settings = await this.setup.settings(hotlineId);
    return {
      hotlineName: hotline.name,
      timeZone: hotline.timeZone,
      today: this.clock.now().setZone(hotline.timeZone).toISODate()!,
      hotlinePhone: await this.messages.hotlinePhone(hotlineId),
      centreAddress: settings.centreAddress,
      sessionMinutes: settings.sessionMinutes,
      minNoticeHours: settings.minNoticeHours,
      horizonDays: settings.horizonDays,
      changeCutoffHours: settings.changeCutoffHours,
      topics: defaultTaxonomy().topics.map((topic) => ({ key: topic.key, label: topic.label })),
      ageBands: AGE_BANDS.map((key) => ({ key, label: AGE_BAND_LABELS[key] })),
    };
  }

  /** A booking's time, in the local date and time of its hotline. */
  async slot(booking: Booking): Promise<SlotView> {
    const zone = (await this.directory.hotline(booking.hotlineId)).timeZone;
    const local = DateTime.fromJSDate(booking.startsAt, { zone });
    return slotView({
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      localDate: local.toISODate()!,
      localTime: local.toFormat('HH:mm'),
      experts: [],
      rooms: [],
    });
  }

  /** The answer to a booking made, moved or taken from an offer: the manage link, shown once. */
  async booked(
    booking: Booking,
    manageToken: string,
    settings: BookingSettingsView,
  ): Promise<BookedView> {
    return {
      reference: booking.reference,
      status: 'booked',
      ...(await this.slot(booking)),
      topic: booking.topic,
      centreAddress: settings.centreAddress,
      manageToken,
      manageUrl: this.messages.manageUrl(manageToken),
    };
  }

  /** Staff's view of bookings; the phone and description only with `details`. */
  async staff(rows: Booking[], details: boolean): Promise<StaffBookingView[]> {
    if (rows.length === 0) return [];
    const [experts, rooms] = await Promise.all([
      this.volunteers.find({
        where: { id: In([...new Set(rows.map((row) => row.expertId))]) },
        select: { id: true, name: true },
      }),
      this.rooms.find({ where: { id: In([...new Set(rows.map((row) => row.roomId))]) } }),
    ]);
    const views: StaffBookingView[] = [];
    for (const row of rows) {
      views.push({
        id: row.id,
        hotlineId: row.hotlineId,
        reference: row.reference,
        status: row.status,
        ...(await this.slot(row)),
        topic: row.topic,
        expertId: row.expertId,
        expertName: experts.find((expert) => expert.id === row.expertId)?.name ?? '',
        roomId: row.roomId,
        roomName: rooms.find((room) => room.id === row.roomId)?.name ?? '',
        parentName: this.cipher.decryptOptional(row.parentNameEncrypted),
        childAgeBand: row.childAgeBand,
        childGrade: row.childGrade,
        language: row.language,
        hasPhone: row.phoneEncrypted !== null,
        needsCall: row.needsCall,
        smsStatus: row.smsStatus,
        contactId: row.contactId,
        callId: row.callId,
        ...(details
          ? {
              phone: this.cipher.decryptOptional(row.phoneEncrypted),
              description: this.cipher.decryptOptional(row.descriptionEncrypted),
            }
          : {}),
      });
    }
    return views;
  }

  /** Staff's view of one booking. */
  async staffOne(booking: Booking, details: boolean): Promise<StaffBookingView> {
    return (await this.staff([booking], details))[0];
  }
}
