import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Call } from '../calls/call.entity';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ContactAccess } from './contact-access';
import { ContactRecords } from './contact-records.service';
import { Contact } from './contact.entity';
import { ContactView } from './dto/contact.dto';

/** A returning caller's earlier contacts, for the supervisor deciding how to help them (read audited). */
@Injectable()
export class CallerHistory {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly records: ContactRecords,
    private readonly audit: AuditService,
  ) {}

  /**
   * Every contact with the same caller as this call, for a supervisor deciding how to help a
   * returning caller. Anonymous fields only; each record's notes open with GET /api/contacts/:id.
   */
  async callerHistory(actor: Volunteer, callId: string): Promise<ContactView[]> {
    const call = await this.calls.findOneBy({ id: callId });
    if (!call || !ContactAccess.supervises(actor, call.hotlineId))
      throw new NotFoundException(`No call ${callId} on a hotline you supervise.`);
    if (!call.callerHash) return [];
    await this.audit.record({
      actorId: actor.id,
      action: 'caller.history.read',
      subjectType: 'phone_call',
      subjectId: call.id,
      hotlineId: call.hotlineId,
    });
    const history = await this.contacts.find({
      where: { hotlineId: call.hotlineId, callerHash: call.callerHash },
      relations: { topics: true },
      order: { occurredAt: 'DESC' },
      take: 200,
    });
    return history.map((contact) => this.records.view(contact, { notes: false }));
  }
}
