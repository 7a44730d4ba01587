import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { ChosenPresence, VolunteerView } from '@hotline/routing';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { endedAtTwilio, silentSince } from './call-deadlines';
import { CallerLine } from './caller-line';
import { RoutedChannels } from './chat-channel';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallOffer } from './call-offer.entity';
import { Call } from './call.entity';
import { LeadingSwitchboard, queueEntry, skillsOf } from './leading-switchboard';
import { PresenceChange } from './presence-change.entity';

/** More than the rows one step writes for one volunteer at one instant. */
const LAST_INSTANT_ROWS = 8;

/** A volunteer's last recorded presence on a hotline. */
interface RecordedPresence {
  hotline_id: string;
  volunteer_id: string;
  state: string;
}

/**
 * The leader's engines start from the record: after a restart, or on becoming the leader
 * (docs/instances.md), and the sweep that compares them with the record and repairs drift
 * (what a failover or a failed write lost).
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
    private readonly channels: RoutedChannels,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * The new leader, or a single server that started, begins from the record: volunteers on
   * duty get their states back (in wrap-up: break), then waiting callers their places (a call
   * that was ringing rings its volunteer again when they are available), then calls in
   * conversation their volunteer (a take-over or transfer still reaches them; one whose
   * volunteer is gone finishes through its webhooks), then live chats, waiting and in
   * conversation (see the chat channel), and routing resumes. Those
   * whose consoles do not come back within the grace period go offline (`OpenConsoles`).
   */
  async takeOver(): Promise<void> {
    this.leader.retire();
    await this.restoreVolunteers();
    await this.restoreWaitingCalls();
    await this.restoreConversations();
    await this.channels.chat?.restore();
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
    const ids = waiting.map((call) => call.id);
    // Who each ringing call was ringing: it rings them again if they are still on duty.
    const ringing = await this.offers.find({ where: { callId: In(ids), result: IsNull() } });
    const now = this.clock.now().toJSDate();
    await this.offers.update(
      { callId: In(ids), result: IsNull() },
      { result: 'restart', endedAt: now },
    );
    await this.calls.update({ id: In(ids) }, { status: 'waiting', updatedAt: now });
    for (const call of waiting) {
      await this.leader.step(call.hotlineId, (engine) => {
        engine.restore(queueEntry(call));
        return { value: undefined, effects: [] };
      });
    }
    for (const offer of ringing) {
      const call = waiting.find((one) => one.id === offer.callId)!;
      await this.leader.step(call.hotlineId, (engine) => ({
        value: undefined,
        effects:
          engine.volunteer(offer.volunteerId)?.state === 'available' &&
          engine.call(call.id)?.phase === 'waiting'
            ? engine.offerTo(call.id, offer.volunteerId)
            : [],
      }));
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
   * Calls in conversation get their volunteer back, talking on them, if Twilio says the caller
   * is still on the line: a call that ended while no server ran would keep its volunteer
   * talking for ever. Unknown (Twilio unreachable): it finishes through its webhooks alone.
   */
  private async restoreConversations(): Promise<void> {
    const talking = await this.calls.find({
      where: { status: 'talking', outcome: IsNull(), endedAt: IsNull(), training: false },
    });
    let restored = 0;
    for (const call of talking) {
      if (!call.volunteerId || (await this.line.status(call.callSid)) !== 'in-progress') continue;
      restored += await this.leader.step(call.hotlineId, (engine) => {
        const effects = engine.restoreTalking(
          queueEntry(call),
          call.volunteerId!,
          (call.answeredAt ?? call.updatedAt).getTime(),
        );
        return { value: effects.length > 0 ? 1 : 0, effects };
      });
    }
    if (restored > 0) this.logger.log(`Restored ${restored} call(s) in conversation`);
  }

  /**
   * The leader's safety net for what a failover, an outage or a failed write lost: a caller
   * recorded as waiting who stopped fetching the hold loop and whom Twilio has ended is settled
   * as abandoned (the status callback never came through); a call recorded as waiting that no
   * engine holds joins its queue; a call whose record has ended leaves it; a volunteer whose
   * last recorded presence is not the engine's gets the engine's state recorded and sent to
   * their consoles (the engine decides; the record follows it). What it fixed is logged, by
   * count.
   */
  async sweep(): Promise<void> {
    if (!this.leading) return;
    await this.settleSilentCallers();
    // A call written a moment ago may be on its way here: leave it to its request.
    const settled = this.clock.now().toMillis() - 2000 * this.clock.speed;
    let joined = 0;
    for (const call of await this.waitingCalls()) {
      if (call.updatedAt.getTime() > settled || !this.leading) continue;
      joined += await this.leader.step(call.hotlineId, (engine) => {
        if (engine.call(call.id)) return { value: 0, effects: [] };
        engine.restore(queueEntry(call));
        return { value: 1, effects: engine.dispatch() };
      });
    }
    let left = 0;
    for (const { callIds } of this.leader.held()) {
      if (callIds.length === 0 || !this.leading) continue;
      for (const call of await this.calls.find({ where: { id: In(callIds), status: 'ended' } })) {
        await this.leader.hangUp(call);
        left += 1;
      }
    }
    if (this.leading) await this.channels.chat?.sweep();
    const recorded = this.leading ? await this.repairPresence() : 0;
    if (joined + left + recorded > 0)
      this.logger.warn(
        { joined, left, recorded },
        'the routing check repaired drift between the engines and the record',
      );
  }

  /** Records the engine's state of each volunteer whose last recorded presence differs. */
  private async repairPresence(): Promise<number> {
    const hotlineIds = this.leader.held().map(({ hotlineId }) => hotlineId);
    if (hotlineIds.length === 0) return 0;
    // Steps already under way finish first (their writes land), so only a state that no
    // step is recording differs from the record; a state changed since is left alone.
    const before = this.clock.now().toMillis();
    for (const hotlineId of hotlineIds)
      await this.leader.step(hotlineId, () => ({ value: undefined, effects: [] }));
    let repaired = 0;
    for (const [hotlineId, volunteers] of Object.entries(this.leader.states())) {
      for (const seen of volunteers) {
        if (seen.since >= before || !this.leading) continue;
        const recorded = await this.lastRecorded(hotlineId, seen.id);
        if (recorded.has(seen.state)) continue;
        repaired += await this.leader.step(hotlineId, (engine) => {
          const now = engine.volunteer(seen.id);
          if (!now || !sameState(now, seen)) return { value: 0, effects: [] };
          return {
            value: 1,
            effects: [
              { type: 'volunteer_state', volunteerId: now.id, state: now.state, since: now.since },
            ],
          };
        });
      }
    }
    return repaired;
  }

  /**
   * The volunteer's last recorded states on the hotline: a step's changes share one instant,
   * so the last instant's rows may be several ('offline' when none). One index seek, so the
   * check costs the same after a year of evenings as on the first.
   */
  private async lastRecorded(hotlineId: string, volunteerId: string): Promise<Set<string>> {
    const rows = await this.presence.find({
      select: { id: true, state: true, changedAt: true },
      where: { hotlineId, volunteerId },
      order: { changedAt: 'DESC' },
      take: LAST_INSTANT_ROWS,
    });
    if (rows.length === 0) return new Set(['offline']);
    const last = rows[0].changedAt.getTime();
    return new Set(rows.filter((row) => row.changedAt.getTime() === last).map((row) => row.state));
  }

  /** Each volunteer's last recorded presence on each hotline that is not offline. */
  private onDuty(): Promise<RecordedPresence[]> {
    return this.presence.query(
      `SELECT p.hotline_id, p.volunteer_id, p.state FROM presence_change p
       WHERE p.state <> 'offline' AND p.changed_at = (
         SELECT MAX(q.changed_at) FROM presence_change q
         WHERE q.volunteer_id = p.volunteer_id AND q.hotline_id = p.hotline_id)`,
    ) as Promise<RecordedPresence[]>;
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
    const latest = await this.onDuty();
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

const sameState = (a: VolunteerView, b: VolunteerView) =>
  a.state === b.state && a.since === b.since;
