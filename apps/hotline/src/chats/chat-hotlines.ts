import { Injectable, NotFoundException } from '@nestjs/common';
import { WEEKDAYS, currentOrNextOpening, isOpenAt } from '@hotline/calendar';
import { CHAT_WRITERS } from '@hotline/chat-protocol';
import type { Clock } from '@hotline/clock';
import { defaultTaxonomy } from '@hotline/taxonomy';
import { CallerBlocks } from '../callers/caller-blocks.service';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { invalidFields } from '../common/validation';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import type { Hotline } from '../hotlines/hotline.entity';
import { ChatClosedView, ChatHotlineView, ChatHoursView, ChatRefusedView } from './dto/chat.dto';

/**
 * The hotline as the chat page meets it: which one, open or not, its hours and menu, what a
 * writer is told when it is closed; and whether a writer's device is on its block list.
 */
@Injectable()
export class ChatHotlines {
  constructor(
    private readonly directory: HotlineDirectory,
    private readonly blocks: CallerBlocks,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The hotline asked for, or the first one; 404 for an unknown id. */
  async hotline(hotlineId?: string): Promise<Hotline> {
    if (!hotlineId) return this.directory.called(undefined);
    try {
      return await this.directory.hotline(hotlineId);
    } catch {
      throw new NotFoundException(`No hotline ${hotlineId}.`);
    }
  }

  async info(hotlineId?: string): Promise<ChatHotlineView> {
    const hotline = await this.hotline(hotlineId);
    return {
      hotlineId: hotline.id,
      name: hotline.name,
      locale: hotline.locale,
      open: this.isOpen(hotline),
      timeZone: hotline.timeZone,
      hours: hoursOf(hotline),
      nextOpening: this.nextOpening(hotline),
      topics: defaultTaxonomy()
        .menuTopics()
        .map((topic) => ({ key: topic.key, label: { ...topic.label } })),
      callerTypes: [...CHAT_WRITERS],
      emergency: hotline.closedMessage,
      crisisLine: hotline.routing.crisisLine,
    };
  }

  isOpen(hotline: Hotline): boolean {
    return isOpenAt(hotline.schedule(), this.clock.now());
  }

  /** What a writer who came outside opening hours is told (the body of a 409). */
  closed(hotline: Hotline): ChatClosedView {
    return {
      statusCode: 409,
      message: 'The hotline is closed now: these are its hours; you can leave a message.',
      error: 'closed',
      hours: hoursOf(hotline),
      nextOpening: this.nextOpening(hotline),
      leaveMessage: true,
      emergency: hotline.closedMessage,
    };
  }

  /** The local date of the opening in which the hotline reads a message left now. */
  forDate(hotline: Hotline): string {
    const next = currentOrNextOpening(hotline.schedule(), this.clock.now().plus({ minutes: 1 }));
    return (next?.start ?? this.clock.now()).setZone(hotline.timeZone).toISODate()!;
  }

  /** The keyed hash a device block is keyed on, under the current key. */
  deviceHash(deviceId: string | undefined, address: string): string {
    return this.cipher.keyedHash(deviceKey(deviceId, address));
  }

  /** What a writer whose device is blocked is told (the body of a 403). */
  refused(hotline: Hotline): ChatRefusedView {
    return {
      statusCode: 403,
      message:
        'This device cannot open a chat for now. If you are in danger, say so: you will be answered.',
      error: 'blocked',
      emergency: hotline.closedMessage,
    };
  }

  /** A block is in force on the device (its hash under any configured key). */
  async deviceBlocked(hotlineId: string, deviceId: string | undefined, address: string) {
    const hashes = this.cipher.keyedHashes(deviceKey(deviceId, address));
    return (await this.blocks.inForce(hotlineId, hashes, 'device')) !== null;
  }

  private nextOpening(hotline: Hotline): string | null {
    const next = currentOrNextOpening(hotline.schedule(), this.clock.now());
    return next?.start?.toUTC().toISO() ?? null;
  }
}

/** What a device block is keyed on: the page's device id with the writer's address. */
const deviceKey = (deviceId: string | undefined, address: string) =>
  `chat-device\u0000${deviceId ?? ''}\u0000${address}`;

/** A top-level topic of the phone menu, or a 400 that lists them. */
export function menuTopic(topic: string): string {
  const menu = defaultTaxonomy().menuTopics();
  if (menu.some((one) => one.key === topic)) return topic;
  throw invalidFields({
    topic: [`topic must be a topic of the menu: ${menu.map((one) => one.key).join(', ')}`],
  });
}

/** The weekly opening hours, as the chat page lists them (1 = Monday). */
function hoursOf(hotline: Hotline): ChatHoursView[] {
  return WEEKDAYS.flatMap((day, index) =>
    hotline.openingHours[day].map((range) => ({
      weekday: index + 1,
      opens: range.start,
      closes: range.end,
    })),
  );
}
