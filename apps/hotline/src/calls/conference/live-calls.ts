import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { CallParticipant as ParticipantView, LiveCall } from '@hotline/console-protocol';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../../common/clock.provider';
import { HotlineEvents } from '../../events/hotline-events';
import { CallerProfiles } from '../../callers/caller-profiles.service';
import { Volunteer } from '../../volunteers/volunteer.entity';
import { Call } from '../call.entity';
import { CallsService } from '../calls.service';
import { CallParticipant } from './call-participant.entity';

/**
 * Who is in a call's conference and how, as the live call panel and the wall see it
 * (`call.live`), told to everyone in the call on every change. The rows are the record, so
 * any instance, and a new routing leader, tells the same.
 */
@Injectable()
export class LiveCalls {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallParticipant) private readonly participants: Repository<CallParticipant>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly views: CallsService,
    private readonly callers: CallerProfiles,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now().toJSDate();
  }

  /** Someone's leg left the call (recorded before Twilio is told, so its leave event is a retry). */
  async leave(row: CallParticipant): Promise<void> {
    await this.participants.update(row.id, { leftAt: this.now() });
  }

  /** Those in the call now (rung or joined, not gone). */
  present(callId: string): Promise<CallParticipant[]> {
    return this.participants.find({
      where: { callId, leftAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
  }

  /** The call a volunteer is in now (taking it, or joined to it), as the panel shows it. */
  async joinedBy(volunteerId: string): Promise<LiveCall | null> {
    const row = await this.participants.findOne({
      where: { volunteerId, leftAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    const call = row && (await this.calls.findOneBy({ id: row.callId }));
    return call && call.status !== 'ended' ? this.view(call) : null;
  }

  /** The call as the panel shows it; null before anyone answered it. */
  async view(call: Call, present?: CallParticipant[]): Promise<LiveCall | null> {
    if (!call.answeredAt) return null;
    const rows = present ?? (await this.present(call.id));
    const names = new Map(
      (
        await this.volunteers.findBy({ id: In([...new Set(rows.map((row) => row.volunteerId))]) })
      ).map((volunteer) => [volunteer.id, volunteer.name]),
    );
    const participants: ParticipantView[] = rows.map((row) => ({
      volunteerId: row.volunteerId,
      name: names.get(row.volunteerId) ?? '',
      role: row.role,
      mode: row.mode,
      ...(row.muted ? { muted: true as const } : {}),
      ...(row.volunteerId === call.volunteerId && call.callerOnHold
        ? { holding: true as const }
        : {}),
    }));
    return {
      callId: call.id,
      answeredAt: call.answeredAt.toISOString(),
      callerType: call.callerType,
      topic: call.topic,
      priority: call.priority,
      earlierContacts: await this.views.earlierContacts(call),
      // The flags only: the guidance was shown, and audited, on the offer.
      callerFlags: await this.callers.flags(call.hotlineId, call.callerHash),
      participants,
      callerOnHold: call.callerOnHold,
      // Opened by "crisis now" on the live call panel: the console's `CallPanels` tells it.
      crisisCaseId: null,
    };
  }

  /** Tells everyone in the call how it stands now, and those in `gone` that it ended for them. */
  async publish(callId: string, gone: string[] = []): Promise<void> {
    const call = await this.calls.findOneBy({ id: callId });
    if (!call) return;
    const present = await this.present(callId);
    const live = await this.view(call, present);
    if (!live && gone.length === 0) return;
    this.events.publish({
      type: 'call.live',
      hotlineId: call.hotlineId,
      callId,
      to: [...new Set(present.map((row) => row.volunteerId))],
      live,
      gone,
    });
  }

  /** The call is over for everyone still in it (the caller left): each learns so once. */
  async endAll(callId: string): Promise<void> {
    const present = await this.present(callId);
    if (present.length === 0) return;
    await this.participants.update(
      { callId, leftAt: IsNull() },
      { leftAt: this.clock.now().toJSDate() },
    );
    await this.publish(
      callId,
      present.map((row) => row.volunteerId),
    );
  }
}
