import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import type { LiveCall } from '@hotline/console-protocol';
import { AuditService } from '../../audit/audit.service';
import { Telephony } from '../../telephony/telephony';
import { Volunteer } from '../../volunteers/volunteer.entity';
import { Call } from '../call.entity';
import type { ColleagueView } from '../dto/in-call.dto';
import { CallerTransfer } from '../caller-transfer';
import { Switchboard } from '../switchboard';
import { CallParticipant } from './call-participant.entity';
import { legStatusPath } from './conference.twiml';
import { LiveCalls } from './live-calls';

/** How long the colleague's softphone or phone rings before the transfer is called off. */
const CONSULT_RING_SECONDS = 30;

/** The conference label of a colleague consulted in a warm transfer. */
const colleagueLabel = (volunteerId: string) => `colleague-${volunteerId}`;

/** People a caller or a chat may be passed to, as the console lists them. */
export function colleaguesByName(people: Volunteer[]): ColleagueView[] {
  return people
    .map((person) => ({
      id: person.id,
      name: person.name,
      role: person.hasRole('supervisor') ? ('supervisor' as const) : ('volunteer' as const),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A warm transfer: the volunteer puts the caller on hold (Twilio's hold music) and rings an
 * available colleague into the call's conference to talk first; then hands the caller over
 * (the colleague has the call and its contact record, the volunteer leaves into wrap-up) or
 * takes them back. The routing leader's engine keeps the colleague from other calls meanwhile.
 */
@Injectable()
export class WarmTransfer {
  private readonly logger = new Logger('Conference');

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallParticipant) private readonly participants: Repository<CallParticipant>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly switchboard: Switchboard,
    private readonly telephony: Telephony,
    private readonly transfer: CallerTransfer,
    private readonly live: LiveCalls,
    private readonly audit: AuditService,
  ) {}

  /** Whom the call's volunteer may transfer the caller to now: those available on its hotline. */
  async colleagues(volunteer: Volunteer, callId: string): Promise<ColleagueView[]> {
    const call = await this.ownConversation(volunteer, callId);
    const free = (await this.switchboard.snapshot(call.hotlineId)).volunteers
      .filter((one) => one.state === 'available' && one.id !== volunteer.id)
      .map((one) => one.id);
    return colleaguesByName(await this.volunteers.findBy({ id: In(free) }));
  }

  /** The volunteer rings `colleagueId` into the call, the caller on hold meanwhile. */
  async consult(volunteer: Volunteer, callId: string, colleagueId: string): Promise<LiveCall> {
    const call = await this.ownConversation(volunteer, callId);
    if (colleagueId === volunteer.id)
      throw new BadRequestException('Transfer the caller to someone else than yourself.');
    const colleague = await this.volunteers.findOne({
      where: { id: colleagueId },
      relations: { hotlines: true },
    });
    if (!colleague || colleague.deactivatedAt || !colleague.worksFor(call.hotlineId))
      throw new NotFoundException(`No colleague ${colleagueId} on this call's hotline.`);
    if (await this.participants.existsBy({ volunteerId: colleagueId, leftAt: IsNull() }))
      throw new ConflictException('Your colleague is not available now: they are in another call.');
    const target = await this.transfer.targetFor(colleague);
    if (!target)
      throw new ConflictException(
        'Your colleague cannot be rung: they have no softphone registered and no phone number.',
      );
    // The engine refuses, with the reason, a colleague who is not available.
    await this.switchboard.consult(call, colleagueId);
    let legSid: string;
    try {
      await this.holdCaller(call, true);
      legSid = await this.telephony.joinConference(
        call.conferenceSid!,
        'client' in target ? `client:${target.client}` : target.number,
        colleagueLabel(colleagueId),
        CONSULT_RING_SECONDS,
        { muted: false, coaching: false },
        legStatusPath(call.id),
      );
    } catch (error) {
      // Nothing rang: the colleague is free again and the caller is taken back.
      this.logger.error(
        { err: (error as Error).message, callId },
        'Twilio did not ring the colleague',
      );
      await this.switchboard.endConsult(call, false);
      await this.holdCaller(call, false).catch(() => undefined);
      throw new ConflictException('Your colleague could not be rung; the caller is with you.');
    }
    await this.participants.insert({
      id: randomUUID(),
      hotlineId: call.hotlineId,
      callId: call.id,
      volunteerId: colleagueId,
      role: colleague.hasRole('supervisor') ? 'supervisor' : 'volunteer',
      mode: 'consult',
      legSid,
      muted: false,
      joinedAt: null,
      leftAt: null,
      createdAt: this.live.now(),
    });
    await this.audited(volunteer.id, call, 'call.transfer.warm');
    return this.told(call.id);
  }

  /** The volunteer hands the caller over to the colleague and leaves the call. */
  async complete(volunteer: Volunteer, callId: string): Promise<void> {
    const call = await this.ownConversation(volunteer, callId);
    const colleague = await this.consulted(call);
    if (!colleague.joinedAt)
      throw new ConflictException('Your colleague has not answered yet: wait, or cancel.');
    const mine = await this.participants.findOneBy({
      callId: call.id,
      volunteerId: volunteer.id,
      leftAt: IsNull(),
    });
    await this.switchboard.endConsult(call, true);
    await this.participants.update(colleague.id, { mode: 'talk' });
    await this.holdCaller(call, false);
    if (mine) await this.removeLeg(call, mine);
    await this.audited(volunteer.id, call, 'call.transfer.warm.completed');
    // Nothing to answer the volunteer: the call is over for them (`call.live` says so).
    await this.live.publish(call.id, [volunteer.id]);
  }

  /** The volunteer takes the caller back; the colleague leaves and is available again. */
  async cancel(volunteer: Volunteer, callId: string): Promise<LiveCall> {
    const call = await this.ownConversation(volunteer, callId);
    const colleague = await this.consulted(call);
    await this.removeLeg(call, colleague);
    await this.calledOff(call, volunteer.id);
    return this.told(call.id, [colleague.volunteerId]);
  }

  /**
   * The colleague's leg ended (not answered, or they hung up) during the consultation: the
   * transfer is called off and the caller is taken back by the volunteer.
   */
  async colleagueLeft(call: Call): Promise<void> {
    // Nobody chose this: the system's entry in the audit trail.
    await this.calledOff(call, null).catch((error: Error) =>
      this.logger.error({ err: error.message, callId: call.id }, 'could not call off a transfer'),
    );
  }

  private async calledOff(call: Call, actorId: string | null): Promise<void> {
    await this.switchboard.endConsult(call, false);
    await this.holdCaller(call, false);
    await this.audited(actorId, call, 'call.transfer.warm.cancelled');
  }

  /** Someone leaves the call: recorded first, so Twilio's leave event that follows is a retry. */
  private async removeLeg(call: Call, row: CallParticipant): Promise<void> {
    await this.live.leave(row);
    if (row.legSid)
      await this.telephony
        .removeParticipant(call.conferenceSid!, row.legSid)
        .catch((error: Error) =>
          this.logger.error({ err: error.message, callId: call.id }, 'could not remove a leg'),
        );
  }

  private async holdCaller(call: Call, on: boolean): Promise<void> {
    await this.telephony.updateParticipant(call.conferenceSid!, call.callSid, { hold: on });
    await this.calls.update(call.id, { callerOnHold: on, updatedAt: this.live.now() });
  }

  private async consulted(call: Call): Promise<CallParticipant> {
    const row = await this.participants.findOneBy({
      callId: call.id,
      mode: 'consult',
      leftAt: IsNull(),
    });
    if (!row) throw new ConflictException('No transfer of this call is under way.');
    return row;
  }

  private async ownConversation(volunteer: Volunteer, callId: string): Promise<Call> {
    const call = await this.calls.findOneBy({ id: callId });
    if (!call || !volunteer.worksFor(call.hotlineId))
      throw new NotFoundException(`No call ${callId} on your hotlines.`);
    if (call.status !== 'talking' || call.endedAt || !call.conferenceSid)
      throw new ConflictException('The call is not in a conversation now.');
    if (call.volunteerId !== volunteer.id)
      throw new ConflictException('Only the volunteer talking with the caller can transfer them.');
    return call;
  }

  private async told(callId: string, gone: string[] = []): Promise<LiveCall> {
    await this.live.publish(callId, gone);
    return (await this.live.view(await this.calls.findOneByOrFail({ id: callId })))!;
  }

  private audited(actorId: string | null, call: Call, action: string): Promise<void> {
    return this.audit.record({
      actorId,
      action,
      subjectType: 'call',
      subjectId: call.id,
      hotlineId: call.hotlineId,
    });
  }
}
