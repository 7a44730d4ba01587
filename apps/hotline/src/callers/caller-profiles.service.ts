import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { Contact } from '../contacts/contact.entity';
import { isUniqueViolation } from '../database/errors';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CallerBlocks } from './caller-blocks.service';
import { CallerGate } from './caller-gate';
import { CallerFlag, CallerProfile } from './caller-profile.entity';
import type { CallerSubject } from './caller-subjects';
import type { CallerProfileView, ProfileChanges } from './dto/callers.dto';
import { blockView } from './dto/callers.dto';

/** What a ringing console shows of its caller: their flags, and the guidance for the volunteer. */
export interface CallerNotice {
  callerFlags: string[];
  guidance: string | null;
}

/**
 * A caller's profile for supervisors (contacts by type, flags, guidance, block), and what the
 * volunteer a call is offered to sees of it. The guidance is confidential: encrypted, and
 * every read and write audited.
 */
@Injectable()
export class CallerProfiles {
  constructor(
    @InjectRepository(CallerProfile) private readonly profiles: Repository<CallerProfile>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    private readonly blocks: CallerBlocks,
    private readonly gate: CallerGate,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async view(actor: Volunteer, subject: CallerSubject): Promise<CallerProfileView> {
    const profile = await this.find(subject.hotlineId, subject.callerHash);
    const [byType, block, flags] = await Promise.all([
      this.contacts
        .createQueryBuilder('c')
        .select('c.contactType', 'type')
        .addSelect('COUNT(*)', 'count')
        .where('c.hotlineId = :hotlineId AND c.callerHash = :hash', {
          hotlineId: subject.hotlineId,
          hash: subject.callerHash,
        })
        .groupBy('c.contactType')
        .getRawMany<{ type: string; count: string | number }>(),
      this.blocks.inForce(subject.hotlineId, subject.callerHash),
      this.flagsOf(subject.hotlineId, subject.callerHash, profile),
    ]);
    await this.record(actor, subject, profile, 'caller.profile.read');
    const counts = byType.map((row) => ({ type: row.type, count: Number(row.count) }));
    return {
      contacts: counts.reduce((sum, row) => sum + row.count, 0),
      byType: counts.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
      flags,
      guidance: this.cipher.decryptOptional(profile?.guidanceEncrypted ?? null),
      block: block && blockView(block),
    };
  }

  async update(
    actor: Volunteer,
    subject: CallerSubject,
    changes: ProfileChanges,
  ): Promise<CallerProfileView> {
    const existing = await this.find(subject.hotlineId, subject.callerHash);
    const profile =
      existing ??
      this.profiles.create({
        id: randomUUID(),
        hotlineId: subject.hotlineId,
        callerHash: subject.callerHash,
        flags: [],
        guidanceEncrypted: null,
      });
    if (changes.flags !== undefined)
      // `frequent_caller` is the limit's to say, never stored.
      profile.flags = [...new Set(changes.flags)].filter((flag) => flag !== 'frequent_caller');
    if (changes.guidance !== undefined)
      profile.guidanceEncrypted = this.cipher.encryptOptional(changes.guidance || null);
    profile.updatedBy = actor.id;
    profile.updatedAt = this.clock.now().toJSDate();
    try {
      await this.profiles.save(profile);
    } catch (error) {
      // Another supervisor wrote this caller's first profile at the same moment: change theirs.
      if (!existing && isUniqueViolation(error)) return this.update(actor, subject, changes);
      throw error;
    }
    await this.record(actor, subject, profile, 'caller.profile.updated');
    if (changes.guidance !== undefined)
      await this.record(actor, subject, profile, 'caller.guidance.written');
    return this.view(actor, subject);
  }

  /**
   * The flags and guidance shown on an offer. The guidance is for the offered volunteer only;
   * showing it is audited as their read.
   */
  async notice(
    hotlineId: string,
    callerHash: string | null,
    volunteerId: string | null,
  ): Promise<CallerNotice> {
    if (!callerHash) return { callerFlags: [], guidance: null };
    const profile = await this.find(hotlineId, callerHash);
    const guidance = this.cipher.decryptOptional(profile?.guidanceEncrypted ?? null);
    if (guidance && profile)
      await this.audit.record({
        actorId: volunteerId,
        action: 'caller.guidance.shown',
        subjectType: 'caller_profile',
        subjectId: profile.id,
        hotlineId,
      });
    return { callerFlags: await this.flagsOf(hotlineId, callerHash, profile), guidance };
  }

  /** The caller's flags, for the wall (never the guidance). */
  async flags(hotlineId: string, callerHash: string | null): Promise<CallerFlag[]> {
    if (!callerHash) return [];
    return this.flagsOf(hotlineId, callerHash, await this.find(hotlineId, callerHash));
  }

  private async flagsOf(
    hotlineId: string,
    callerHash: string,
    profile: CallerProfile | null,
  ): Promise<CallerFlag[]> {
    const frequent = await this.gate.frequent(hotlineId, callerHash, this.clock.now().toJSDate());
    return [...(frequent ? (['frequent_caller'] as const) : []), ...(profile?.flags ?? [])];
  }

  private find(hotlineId: string, callerHash: string): Promise<CallerProfile | null> {
    return this.profiles.findOneBy({ hotlineId, callerHash });
  }

  private record(
    actor: Volunteer,
    subject: CallerSubject,
    profile: CallerProfile | null,
    action: string,
  ): Promise<void> {
    // A caller without a profile yet is audited through the call or record they were reached by.
    const through = subject.call
      ? { subjectType: 'phone_call', subjectId: subject.call.id }
      : { subjectType: 'contact', subjectId: subject.contactId ?? '' };
    return this.audit.record({
      actorId: actor.id,
      action,
      ...(profile ? { subjectType: 'caller_profile', subjectId: profile.id } : through),
      hotlineId: subject.hotlineId,
    });
  }
}
