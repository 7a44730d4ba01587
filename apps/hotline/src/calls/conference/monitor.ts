import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import type { LiveCall } from '@hotline/console-protocol';
import type { ParticipantOptions } from '@hotline/telephony';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../../audit/audit.service';
import { InjectClock } from '../../common/clock.provider';
import { Telephony } from '../../telephony/telephony';
import type { Volunteer } from '../../volunteers/volunteer.entity';
import { Call } from '../call.entity';
import { CallerTransfer } from '../caller-transfer';
import { Switchboard } from '../switchboard';
import type { MonitorMode } from '../dto/in-call.dto';
import { CallParticipant } from './call-participant.entity';
import { legStatusPath, supervisorLabel } from './conference.twiml';
import { LiveCalls } from './live-calls';

/** How long a supervisor's phone or softphone rings to join a call. */
const JOIN_RING_SECONDS = 30;

/**
 * A supervisor in a call's conference: listening (muted), whispering to the volunteer only
 * (Twilio's coaching), or barging in to speak with both; and the volunteer's own hold and mute.
 * Each is a change of a participant at Twilio, recorded, audited (the supervisor's) and told
 * to everyone in the call. None touches the routing engine: the call stays the volunteer's.
 */
@Injectable()
export class Monitor {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallParticipant) private readonly participants: Repository<CallParticipant>,
    private readonly telephony: Telephony,
    private readonly transfer: CallerTransfer,
    private readonly live: LiveCalls,
    private readonly audit: AuditService,
    private readonly switchboard: Switchboard,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Joins the call in `mode`, or switches to it when already in. */
  async monitor(actor: Volunteer, callId: string, mode: MonitorMode): Promise<LiveCall> {
    const call = await this.conversation(actor, callId);
    if (call.volunteerId === actor.id)
      throw new ConflictException('This is your own call: you are in it already.');
    const volunteerLeg = await this.volunteerLeg(call);
    const options = modeOptions(mode, volunteerLeg);
    const mine = await this.mine(call.id, actor.id);
    if (mine) {
      if (mine.legSid)
        await this.telephony.updateParticipant(call.conferenceSid!, mine.legSid, options);
      await this.participants.update(mine.id, { mode });
    } else {
      const target = await this.transfer.targetFor(actor);
      if (!target)
        throw new ConflictException(
          'Nothing of yours can ring: register the softphone in your console or set your phone number.',
        );
      const legSid = await this.telephony.joinConference(
        call.conferenceSid!,
        'client' in target ? `client:${target.client}` : target.number,
        supervisorLabel(actor.id),
        JOIN_RING_SECONDS,
        options,
        legStatusPath(call.id),
      );
      await this.participants.insert({
        id: randomUUID(),
        hotlineId: call.hotlineId,
        callId: call.id,
        volunteerId: actor.id,
        role: 'supervisor',
        mode,
        legSid,
        muted: false,
        joinedAt: null,
        leftAt: null,
        createdAt: this.now(),
      });
    }
    await this.audited(actor, call, mine ? `call.monitor.${mode}` : `call.monitor.joined.${mode}`);
    return this.told(call.id);
  }

  /** The supervisor leaves the call; the volunteer goes on talking. */
  async leave(actor: Volunteer, callId: string): Promise<void> {
    const call = await this.ownCall(actor, callId);
    const mine = await this.mine(call.id, actor.id);
    if (!mine || mine.role !== 'supervisor')
      throw new NotFoundException('You are not listening to this call.');
    if (mine.legSid && call.conferenceSid)
      await this.telephony.removeParticipant(call.conferenceSid, mine.legSid);
    await this.participants.update(mine.id, { leftAt: this.now() });
    await this.audited(actor, call, 'call.monitor.left');
    await this.live.publish(call.id, [actor.id]);
  }

  /**
   * The supervisor in the call takes it over: they speak with the caller, the volunteer's leg
   * leaves and the volunteer goes into wrap-up; the call and its contact record are theirs.
   */
  async takeOver(actor: Volunteer, callId: string): Promise<LiveCall> {
    const call = await this.conversation(actor, callId);
    if (call.volunteerId === actor.id) throw new ConflictException('The call is yours already.');
    const mine = await this.mine(call.id, actor.id);
    if (mine?.role !== 'supervisor' || !mine.joinedAt || !mine.legSid)
      throw new ConflictException('Join the call first (listen, whisper or barge in).');
    const volunteer = await this.participants.findOneBy({
      callId: call.id,
      volunteerId: call.volunteerId ?? '',
      role: 'volunteer',
      leftAt: IsNull(),
    });
    await this.switchboard.takeOver(call, actor.id);
    await this.telephony.updateParticipant(call.conferenceSid!, mine.legSid, modeOptions('barge'));
    await this.participants.update(mine.id, { mode: 'talk' });
    if (volunteer) {
      await this.participants.update(volunteer.id, { leftAt: this.now() });
      if (volunteer.legSid)
        await this.telephony.removeParticipant(call.conferenceSid!, volunteer.legSid);
    }
    await this.audited(actor, call, 'call.take_over');
    await this.live.publish(call.id, volunteer ? [volunteer.volunteerId] : []);
    return (await this.live.view(await this.calls.findOneByOrFail({ id: call.id })))!;
  }

  /** The volunteer holds the caller (hold music) or takes them back. */
  async hold(volunteer: Volunteer, callId: string, on: boolean): Promise<LiveCall> {
    const call = await this.asItsVolunteer(volunteer, callId);
    await this.telephony.updateParticipant(call.conferenceSid!, call.callSid, { hold: on });
    await this.calls.update(call.id, { callerOnHold: on, updatedAt: this.now() });
    return this.told(call.id);
  }

  /** The volunteer mutes or unmutes themself. */
  async mute(volunteer: Volunteer, callId: string, on: boolean): Promise<LiveCall> {
    const call = await this.asItsVolunteer(volunteer, callId);
    const mine = await this.mine(call.id, volunteer.id);
    if (!mine?.legSid) throw new ConflictException('You are not connected to this call yet.');
    await this.telephony.updateParticipant(call.conferenceSid!, mine.legSid, { muted: on });
    await this.participants.update(mine.id, { muted: on });
    return this.told(call.id);
  }

  /** The call as its panel shows it, for someone in it. */
  async view(actor: Volunteer, callId: string): Promise<LiveCall> {
    const call = await this.ownCall(actor, callId);
    if (!(await this.mine(call.id, actor.id)))
      throw new NotFoundException('You are not in this call.');
    const live = await this.live.view(call);
    if (!live) throw new ConflictException('The call has not been answered yet.');
    return live;
  }

  private async told(callId: string): Promise<LiveCall> {
    await this.live.publish(callId);
    const live = await this.live.view(await this.calls.findOneByOrFail({ id: callId }));
    return live!;
  }

  private async ownCall(actor: Volunteer, callId: string): Promise<Call> {
    const call = await this.calls.findOneBy({ id: callId });
    if (!call || !actor.worksFor(call.hotlineId))
      throw new NotFoundException(`No call ${callId} on your hotlines.`);
    return call;
  }

  /** A call whose caller and volunteer are talking in its conference now. */
  private async conversation(actor: Volunteer, callId: string): Promise<Call> {
    const call = await this.ownCall(actor, callId);
    if (call.status !== 'talking' || call.endedAt || !call.conferenceSid)
      throw new ConflictException('The call is not in a conversation now.');
    return call;
  }

  private async asItsVolunteer(volunteer: Volunteer, callId: string): Promise<Call> {
    const call = await this.conversation(volunteer, callId);
    if (call.volunteerId !== volunteer.id)
      throw new ConflictException('Only the volunteer talking with the caller can do this.');
    return call;
  }

  private async volunteerLeg(call: Call): Promise<string> {
    const row = await this.participants.findOneBy({
      callId: call.id,
      volunteerId: call.volunteerId ?? '',
      role: 'volunteer',
      leftAt: IsNull(),
    });
    if (!row?.legSid || !row.joinedAt)
      throw new ConflictException('The volunteer is not in the call now.');
    return row.legSid;
  }

  private mine(callId: string, volunteerId: string): Promise<CallParticipant | null> {
    return this.participants.findOneBy({ callId, volunteerId, leftAt: IsNull() });
  }

  private audited(actor: Volunteer, call: Call, action: string): Promise<void> {
    return this.audit.record({
      actorId: actor.id,
      action,
      subjectType: 'call',
      subjectId: call.id,
      hotlineId: call.hotlineId,
    });
  }

  private now(): Date {
    return this.clock.now().toJSDate();
  }
}

/**
 * Twilio's participant settings for each mode: listening is muted; whispering is coaching the
 * volunteer's leg (only they hear it); barging speaks to everyone.
 */
export function modeOptions(mode: MonitorMode, volunteerLeg?: string): ParticipantOptions {
  switch (mode) {
    case 'listen':
      return { muted: true, coaching: false };
    case 'whisper':
      return {
        muted: false,
        coaching: true,
        ...(volunteerLeg && { callSidToCoach: volunteerLeg }),
      };
    case 'barge':
      return { muted: false, coaching: false };
  }
}
