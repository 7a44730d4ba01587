import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository } from 'typeorm';
import type { ChosenPresence, VolunteerView as EngineVolunteer } from '@hotline/routing';
import type { Clock } from '@hotline/clock';
import { percent } from '@hotline/stats';
import { InjectClock } from '../common/clock.provider';
import { Environment } from '../config/environment';
import { Contact } from '../contacts/contact.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Call } from './call.entity';
import type { TodayFigures } from '@hotline/console-protocol';
import { Hotline } from '../hotlines/hotline.entity';
import { CallOffer } from './call-offer.entity';
import { OfferView, PresenceView, QueueView } from './dto/calls.dto';
import { Switchboard } from './switchboard';
import { hotlineFor } from '../hotlines/hotline-scope';
import { CallerProfiles } from '../callers/caller-profiles.service';
import { RoutedChannels } from './chat-channel';

/** The API side of calls: whose hotline, what a person may see, and the views consoles show. */
@Injectable()
export class CallsService {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    private readonly switchboard: Switchboard,
    @InjectClock() private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
    private readonly callers: CallerProfiles,
    private readonly channels: RoutedChannels,
  ) {}

  async setPresence(
    volunteer: Volunteer,
    state: ChosenPresence,
    hotlineId?: string,
  ): Promise<PresenceView> {
    const hotline = hotlineFor(volunteer, hotlineId);
    // Wrap-up ends with the contact record (or when its time runs out), not by going available;
    // going offline stays possible, and the record waits, not categorised, to be completed.
    if (
      state !== 'offline' &&
      this.switchboard.volunteerState(hotline, volunteer.id)?.state === 'wrap_up'
    ) {
      throw new ConflictException(
        'Record the contact first (primary topic, risk level, outcome): POST /api/calls/:id/wrap-up.',
      );
    }
    return presenceView(hotline, await this.switchboard.setPresence(volunteer, hotline, state));
  }

  /** The call or chat ringing on the volunteer's console now. */
  async liveOffer(volunteer: Volunteer): Promise<OfferView | null> {
    const offer = await this.switchboard.liveOffer(volunteer);
    if (offer) return this.offerView(offer);
    return (await this.channels.chat?.liveOffer(volunteer)) ?? null;
  }

  /** What a ringing console shows: who is calling about what, and how often they were helped before. */
  async offerView(offer: CallOffer): Promise<OfferView> {
    const call = await this.calls.findOneByOrFail({ id: offer.callId });
    return {
      offerId: offer.id,
      callId: call.id,
      expiresAt: offer.expiresAt.toISOString(),
      callerType: call.callerType,
      topic: call.topic,
      priority: call.priority,
      waitedSeconds: this.secondsSince(call.queuedAt ?? call.arrivedAt),
      earlierContacts: await this.earlierContacts(call),
      // Flags and the supervisors' guidance, for the offered volunteer only.
      ...(await this.callers.notice(call.hotlineId, call.callerHash, offer.volunteerId)),
      ...(call.training ? { training: true as const } : {}),
    };
  }

  /** Contacts from the call's number to its hotline before it (never the number itself). */
  async earlierContacts(call: Call): Promise<number> {
    if (!call.callerHash) return 0;
    return this.contacts.countBy({
      hotlineId: call.hotlineId,
      callerHash: call.callerHash,
      occurredAt: LessThan(call.arrivedAt),
    });
  }

  /**
   * A supervisor sets a volunteer of their hotline available, on break or offline (not while
   * they are on a call: the switchboard refuses).
   */
  async moveVolunteer(
    actor: Volunteer,
    hotlineId: string | undefined,
    volunteerId: string,
    state: ChosenPresence,
  ): Promise<PresenceView> {
    const hotline = hotlineFor(actor, hotlineId);
    const volunteer = await this.volunteers.findOne({
      where: { id: volunteerId },
      relations: { hotlines: true },
    });
    if (!volunteer || !volunteer.hotlines.some((own) => own.id === hotline)) {
      throw new NotFoundException(`No volunteer ${volunteerId} on this hotline.`);
    }
    return presenceView(hotline, await this.switchboard.setPresence(volunteer, hotline, state));
  }

  async reoffer(
    actor: Volunteer,
    hotlineId: string,
    callId: string,
    volunteerId: string,
  ): Promise<void> {
    await this.switchboard.reoffer(hotlineFor(actor, hotlineId), callId, volunteerId);
  }

  /**
   * Today's figures for the wall, over calls that arrived since the hotline's local midnight.
   * Service level: answered within the threshold ÷ calls that left the queue (answered,
   * abandoned after queueing, overflowed).
   */
  async today(
    hotline: Hotline,
    thresholdSeconds = this.config.get('SERVICE_LEVEL_SECONDS', { infer: true }),
  ): Promise<TodayFigures> {
    const start = this.clock.now().setZone(hotline.timeZone).startOf('day');
    const row = await this.calls
      .createQueryBuilder('c')
      .select('SUM(CASE WHEN c.queuedAt IS NOT NULL THEN 1 ELSE 0 END)', 'offered')
      .addSelect("SUM(CASE WHEN c.outcome = 'answered' THEN 1 ELSE 0 END)", 'answered')
      .addSelect(
        "SUM(CASE WHEN c.outcome = 'abandoned' AND c.queuedAt IS NOT NULL THEN 1 ELSE 0 END)",
        'abandoned',
      )
      .addSelect("SUM(CASE WHEN c.outcome = 'overflow_callback' THEN 1 ELSE 0 END)", 'overflowed')
      .addSelect(
        "SUM(CASE WHEN c.outcome = 'answered' AND c.waitSeconds <= :threshold THEN 1 ELSE 0 END)",
        'inTime',
      )
      .addSelect('MAX(c.waitSeconds)', 'longestWait')
      .where('c.hotlineId = :hotlineId', { hotlineId: hotline.id })
      // Practice calls are not service.
      .andWhere('c.training = :training', { training: false })
      .andWhere('c.arrivedAt >= :start AND c.arrivedAt < :end', {
        start: start.toJSDate(),
        end: start.plus({ days: 1 }).toJSDate(),
      })
      .setParameter('threshold', thresholdSeconds)
      .getRawOne<Record<string, string | number | null>>();
    const count = (key: string) => Number(row?.[key] ?? 0);
    const left = count('answered') + count('abandoned') + count('overflowed');
    return {
      offered: count('offered'),
      answered: count('answered'),
      abandoned: count('abandoned'),
      serviceLevel: percent(count('inTime'), left),
      serviceLevelSeconds: thresholdSeconds,
      longestWaitSeconds: count('longestWait'),
    };
  }

  /** Takes the call (Twilio connects the caller) or the chat (in conversation at once). */
  async accept(volunteer: Volunteer, offerId: string): Promise<void> {
    const chat = await this.chatOffer(offerId);
    if (chat) return chat.accept(volunteer, offerId);
    await this.switchboard.accept(volunteer, offerId);
  }

  async decline(volunteer: Volunteer, offerId: string): Promise<void> {
    const chat = await this.chatOffer(offerId);
    if (chat) return chat.decline(volunteer, offerId);
    await this.switchboard.decline(volunteer, offerId);
  }

  /** The chat channel, when the offer rang a chat. */
  private async chatOffer(offerId: string) {
    const chat = this.channels.chat;
    return chat && (await chat.isOffer(offerId)) ? chat : undefined;
  }

  async finishWrapUp(volunteer: Volunteer, callId: string): Promise<PresenceView> {
    const call = await this.calls.findOneBy({ id: callId, volunteerId: volunteer.id });
    if (!call) throw new NotFoundException(`No call ${callId} answered by you.`);
    return presenceView(call.hotlineId, await this.switchboard.finishWrapUp(volunteer, call));
  }

  async queue(actor: Volunteer, hotlineId?: string): Promise<QueueView> {
    const hotline = hotlineFor(actor, hotlineId);
    const snapshot = await this.switchboard.snapshot(hotline);
    const now = this.clock.now().toMillis();
    const callers = await this.calls.find({
      where: { id: In(snapshot.calls.map((call) => call.callId)) },
      select: { id: true, callerType: true },
    });
    const names = await this.volunteers.find({
      where: { id: In(snapshot.volunteers.map((volunteer) => volunteer.id)) },
      select: { id: true, name: true },
    });
    const calls = snapshot.calls.map((call) => ({
      callId: call.callId,
      topic: call.topic,
      priority: call.priority,
      phase: call.phase,
      waitingSeconds: Math.round((now - call.arrivedAt) / 1000),
      callerType: callers.find((caller) => caller.id === call.callId)?.callerType ?? null,
      ...(call.volunteerId ? { volunteerId: call.volunteerId } : {}),
    }));
    const waiting = calls.filter((call) => call.phase === 'waiting' || call.phase === 'offered');
    return {
      hotlineId: hotline,
      waiting: waiting.length,
      longestWaitSeconds: Math.max(0, ...waiting.map((call) => call.waitingSeconds)),
      calls,
      volunteers: snapshot.volunteers.map((volunteer) => ({
        id: volunteer.id,
        name: names.find((named) => named.id === volunteer.id)?.name ?? '',
        state: volunteer.state,
        secondsInState: Math.round((now - volunteer.since) / 1000),
        skills: volunteer.skills,
        callsHandled: volunteer.callsHandled,
        ...(volunteer.callId ? { callId: volunteer.callId } : {}),
      })),
    };
  }

  private secondsSince(at: Date): number {
    return Math.max(0, Math.round((this.clock.now().toMillis() - at.getTime()) / 1000));
  }
}

function presenceView(hotlineId: string, volunteer: EngineVolunteer): PresenceView {
  return {
    hotlineId,
    state: volunteer.state,
    since: new Date(volunteer.since).toISOString(),
    ...(volunteer.callId ? { callId: volunteer.callId } : {}),
  };
}
