import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { ChosenPresence } from '@hotline/routing';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { endedAtTwilio, silentSince } from './call-deadlines';
import { CallerLine } from './caller-line';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallOffer } from './call-offer.entity';
import { Call } from './call.entity';
import { LeadingSwitchboard, queueEntry, skillsOf } from './leading-switchboard';
import { PresenceChange } from './presence-change.entity';

/**
 * The leader's engines start from the record: after a restart, or on becoming the leader
 * (docs/instances.md), and the sweep that catches what a failover lost.
 */
@Injectable()
export class Takeover {
  private readonly logger = new Logger('Switchboard');
  /** The sweep runs only while this instance leads. */
  private leading = false;

  constructor(
    private readonly leader: LeadingSwitchboard,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallOffer) private readonly offers: Repository<CallOffer>,
    @InjectRepository(PresenceChange) private readonly presence: Repository<PresenceChange>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly line: CallerLine,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * The new leader starts from the record, as after a restart: volunteers on duty get their
   * states back (on a call or in wrap-up: break, since the calls they are on finish through
   * their webhooks), then waiting callers their places, and routing resumes.
   */
  async takeOver(): Promise<void> {
    this.leader.retire();
    await this.restoreVolunteers();
    await this.restoreWaitingCalls();
    for (const { hotlineId } of this.leader.held()) {
      await this.leader.step(hotlineId, (engine) => ({
        value: undefined,
        effects: engine.dispatch(),
      }));
    }
  }

  /** The lease is held and requests are served: the sweep may run. */
  leads(): void {
    this.leading = true;
  }

  /** Lost the lease: stop at once. */
  standDown(): void {
    this.leading = false;
    this.leader.retire();
  }

  /** After a restart, callers still waiting get their places back, in their original order. */
  async restoreWaitingCalls(): Promise<void> {
    const waiting = await this.waitingCalls();
    if (waiting.length === 0) return;
    const now = this.clock.now().toJSDate();
    await this.offers.update(
      { callId: In(waiting.map((call) => call.id)), result: IsNull() },
      { result: 'restart', endedAt: now },
    );
    await this.calls.update(
      { id: In(waiting.map((call) => call.id)) },
      { status: 'waiting', updatedAt: now },
    );
    for (const call of waiting) {
      await this.leader.step(call.hotlineId, (engine) => {
        engine.restore(queueEntry(call));
        return { value: undefined, effects: [] };
      });
    }
    for (const hotlineId of new Set(waiting.map((call) => call.hotlineId))) {
      await this.leader.step(hotlineId, (engine) => ({
        value: undefined,
        effects: engine.dispatch(),
      }));
    }
    this.logger.log(`Restored ${waiting.length} waiting call(s) to their queues`);
  }

  /**
   * The leader's safety net for requests lost in a failover or an outage: a caller recorded as
   * waiting who stopped fetching the hold loop and whom Twilio has ended is settled as
   * abandoned (the status callback never came through); a call recorded as waiting that no
   * engine holds joins its queue; a call whose record has ended leaves it.
   */
  async sweep(): Promise<void> {
    if (!this.leading) return;
    await this.settleSilentCallers();
    // A call written a moment ago may be on its way here: leave it to its request.
    const settled = this.clock.now().toMillis() - 2000 * this.clock.speed;
    for (const call of await this.waitingCalls()) {
      if (call.updatedAt.getTime() > settled || !this.leading) continue;
      await this.leader.step(call.hotlineId, (engine) => {
        if (engine.call(call.id)) return { value: undefined, effects: [] };
        this.logger.warn({ callId: call.id }, 'a waiting call no engine held joins its queue');
        engine.restore(queueEntry(call));
        return { value: undefined, effects: engine.dispatch() };
      });
    }
    for (const { callIds } of this.leader.held()) {
      if (callIds.length === 0 || !this.leading) continue;
      for (const call of await this.calls.find({ where: { id: In(callIds), status: 'ended' } }))
        await this.leader.hangUp(call);
    }
  }

  /** Callers silent on the hold loop are asked about at Twilio; those it ended are settled. */
  private async settleSilentCallers(): Promise<void> {
    const now = this.clock.now().toMillis();
    for (const call of await this.waitingCalls()) {
      if (!this.leading) return;
      if (!silentSince(call, now)) continue;
      const status = await this.line.status(call.callSid);
      if (status === undefined || !endedAtTwilio(status)) continue;
      this.logger.warn({ callId: call.id, twilio: status }, 'a caller gone unheard is settled');
      await this.leader.hangUp(call);
    }
  }

  /** Calls recorded as in a queue; one with an outcome is over, whatever its status says. */
  private waitingCalls(): Promise<Call[]> {
    return this.calls.find({
      where: { status: In(['waiting', 'offered']), outcome: IsNull(), training: false },
      order: { queuedAt: 'ASC' },
    });
  }

  /** Each volunteer's last recorded state on each hotline, from `presence_change`. */
  private async restoreVolunteers(): Promise<void> {
    const latest: { hotline_id: string; volunteer_id: string; state: string }[] =
      await this.presence.query(
        `SELECT p.hotline_id, p.volunteer_id, p.state FROM presence_change p
         WHERE p.state <> 'offline' AND p.changed_at = (
           SELECT MAX(q.changed_at) FROM presence_change q
           WHERE q.hotline_id = p.hotline_id AND q.volunteer_id = p.volunteer_id)`,
      );
    if (latest.length === 0) return;
    const people = await this.volunteers.find({
      where: { id: In([...new Set(latest.map((row) => row.volunteer_id))]), active: true },
      relations: { hotlines: true },
    });
    let restored = 0;
    for (const row of latest) {
      const volunteer = people.find((person) => person.id === row.volunteer_id);
      if (!volunteer?.hotlines.some((hotline) => hotline.id === row.hotline_id)) continue;
      const presence: ChosenPresence =
        row.state === 'available' || row.state === 'offered' ? 'available' : 'break';
      await this.leader.step(row.hotline_id, (engine) => {
        const effects = engine.setVolunteer({ id: volunteer.id, skills: skillsOf(volunteer) });
        if (engine.volunteer(volunteer.id)?.state !== 'offline')
          return { value: undefined, effects };
        return {
          value: undefined,
          effects: [...effects, ...engine.setPresence(volunteer.id, presence)],
        };
      });
      restored += 1;
    }
    this.logger.log(`Restored ${restored} volunteer(s) on duty`);
  }
}
