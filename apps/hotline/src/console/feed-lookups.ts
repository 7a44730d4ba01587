import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { CallParticipant } from '@hotline/console-protocol';
import { CallOffer } from '../calls/call-offer.entity';
import { Call } from '../calls/call.entity';
import { Chat } from '../chats/chat.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallerProfiles } from '../callers/caller-profiles.service';

/**
 * What the live feed reads from the database: the few things the routing engine does not
 * hold. Caller types and names are read once and kept, since every frame shows them.
 */
@Injectable()
export class FeedLookups {
  private readonly callerTypes = new Map<string, string | null>();
  /** The caller's profile flags, read when the call first shows on the wall. */
  private readonly callerFlags = new Map<string, string[]>();
  private readonly names = new Map<string, string>();
  /** Who is in each answered call's conference, as its last `call.live` told. */
  private readonly participants = new Map<string, CallParticipant[]>();
  /** The call each volunteer in wrap-up is writing up. */
  private readonly wrapUpCalls = new Map<string, string>();

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    @InjectRepository(CallOffer) private readonly offers: Repository<CallOffer>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly profiles: CallerProfiles,
  ) {}

  callerType(callId: string): string | null {
    return this.callerTypes.get(callId) ?? null;
  }

  /** A queued call tells its caller type: no need to read it. */
  rememberCallerType(callId: string, callerType: string | null): void {
    this.callerTypes.set(callId, callerType);
  }

  callerFlagsOf(callId: string): string[] {
    return this.callerFlags.get(callId) ?? [];
  }

  participantsOf(callId: string): CallParticipant[] | undefined {
    return this.participants.get(callId);
  }

  /** The conference changed: the wall shows who is in the call. */
  rememberParticipants(callId: string, participants: CallParticipant[] | undefined): void {
    if (participants) this.participants.set(callId, participants);
    else this.participants.delete(callId);
  }

  /** The call left the wall. */
  forgetCall(callId: string): void {
    this.callerTypes.delete(callId);
    this.callerFlags.delete(callId);
    this.participants.delete(callId);
  }

  name(volunteerId: string): string {
    return this.names.get(volunteerId) ?? '';
  }

  /** Reads once the caller types, flags and names not known yet. */
  async learn(callIds: string[], volunteerIds: string[]): Promise<void> {
    const unknownCalls = callIds.filter((id) => !this.callerTypes.has(id));
    if (unknownCalls.length > 0) {
      for (const row of await this.calls.find({
        where: { id: In(unknownCalls) },
        select: { id: true, callerType: true },
      })) {
        this.callerTypes.set(row.id, row.callerType);
      }
      // The rest are live chats (a writer says who they are; they have no profile).
      const chats = unknownCalls.filter((id) => !this.callerTypes.has(id));
      if (chats.length > 0)
        for (const row of await this.chats.find({
          where: { id: In(chats) },
          select: { id: true, callerType: true },
        })) {
          this.callerTypes.set(row.id, row.callerType);
          this.callerFlags.set(row.id, []);
        }
    }
    const unflagged = callIds.filter((id) => !this.callerFlags.has(id));
    if (unflagged.length > 0) {
      for (const row of await this.calls.find({
        where: { id: In(unflagged) },
        select: { id: true, hotlineId: true, callerHash: true },
      })) {
        this.callerFlags.set(row.id, await this.profiles.flags(row.hotlineId, row.callerHash));
      }
    }
    const unknownPeople = volunteerIds.filter((id) => !this.names.has(id));
    if (unknownPeople.length > 0) {
      for (const row of await this.volunteers.find({
        where: { id: In(unknownPeople) },
        select: { id: true, name: true },
      })) {
        this.names.set(row.id, row.name);
      }
    }
  }

  /** A volunteer's new state tells which call they write up, or that they are done. */
  rememberWrapUp(volunteerId: string, state: string, wrapUpCallId?: string): void {
    if (wrapUpCallId) this.wrapUpCalls.set(volunteerId, wrapUpCallId);
    else if (state !== 'wrap_up') this.wrapUpCalls.delete(volunteerId);
  }

  /**
   * The call the volunteer in wrap-up writes up: the one the feed saw, else the one they
   * answered last, for a wrap-up the feed did not see begin.
   */
  async wrapUpCall(volunteerId: string): Promise<string | undefined> {
    const known = this.wrapUpCalls.get(volunteerId);
    if (known) return known;
    const last = await this.calls.findOne({
      where: { volunteerId, outcome: 'answered' },
      order: { endedAt: 'DESC' },
      select: { id: true },
    });
    return last?.id;
  }

  offer(offerId: string): Promise<CallOffer | null> {
    return this.offers.findOneBy({ id: offerId });
  }

  volunteer(volunteerId: string): Promise<Volunteer | null> {
    return this.volunteers.findOneBy({ id: volunteerId });
  }

  /** The person with their hotlines, as a console's snapshot needs them. */
  person(volunteerId: string): Promise<Volunteer> {
    return this.volunteers.findOneOrFail({
      where: { id: volunteerId },
      relations: { hotlines: true },
    });
  }
}
