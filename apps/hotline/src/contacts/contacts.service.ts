import {
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Subscription } from 'rxjs';
import { Repository } from 'typeorm';
import { Call } from '../calls/call.entity';
import { CallsService } from '../calls/calls.service';
import { Switchboard } from '../calls/switchboard';
import { SwitchboardRefusal } from '../calls/switchboard-refusal';
import { HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ContactDrafts } from './contact-drafts.service';
import { ContactRecords } from './contact-records.service';
import { Contact } from './contact.entity';
import { ContactFieldsDto, WrapUpView } from './dto/contact.dto';

/**
 * The record of a phone call: opened when the call is answered, completed at wrap-up. Every
 * channel's record is written by ContactRecords; other channels are entered whole
 * (OtherChannelRecords), read with ContactReads, and a caller's earlier contacts with
 * CallerHistory.
 */
@Injectable()
export class ContactsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Contacts');
  private subscription?: Subscription;

  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly records: ContactRecords,
    private readonly drafts: ContactDrafts,
    private readonly callsService: CallsService,
    private readonly switchboard: Switchboard,
    private readonly events: HotlineEvents,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.on(
      'call.ended',
      (event) => this.openForCall(event.callId),
      this.logger,
      (event) => event.outcome === 'answered',
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /**
   * The record of an answered call: it exists even if wrap-up runs out, so statistics count
   * the consultation. It takes what the volunteer drafted during the call (notes included),
   * and is categorised at once when the draft names the topic, risk and outcome: a record
   * written while talking is not lost to a wrap-up never sent. Idempotent; returns the record.
   */
  async openForCall(callId: string): Promise<Contact> {
    const existing = await this.contacts.findOneBy({ callId });
    if (existing) return existing;
    const call = await this.calls.findOneByOrFail({ id: callId });
    if (!call.volunteerId || !call.answeredAt)
      throw new ConflictException('This call was not answered; it has no contact record.');
    const draft = await this.drafts.ofCall(callId);
    const drafted = draft?.fields ?? {};
    const contact = this.records.opening({
      hotlineId: call.hotlineId,
      channel: 'phone',
      callId: call.id,
      volunteerId: call.volunteerId,
      occurredAt: call.answeredAt,
      callerType: drafted.callerType ?? call.callerType,
      ageBand: drafted.ageBand ?? null,
      grade: drafted.grade ?? null,
      gender: drafted.gender ?? null,
      district: drafted.district ?? null,
      notesEncrypted: draft?.notesEncrypted ?? null,
      callerHash: call.callerHash,
    });
    // The wrap-up and the end of the call may race to open it: one record either way.
    const once = await this.records.openOnce(contact, () =>
      this.contacts.findOneByOrFail({ callId }),
    );
    if (!once.opened) return once.contact;
    const author = { id: call.volunteerId };
    // The notes typed during the call are the record's now, written by its volunteer.
    if (contact.notesEncrypted)
      await this.records.recordAccess(author, contact, 'contact.notes.written');
    // A non-counselling draft (silent, prank, ...) is complete as it is.
    const { contactType = 'counselling', primaryTopic, riskLevel, outcome } = drafted;
    if (contactType === 'counselling' && (!primaryTopic || !riskLevel || !outcome)) return contact;
    // Its volunteer wrote it; a high risk opens the crisis case now, not at a wrap-up to come.
    // Each drafted field was checked as it was saved, and the ones a record needs are there.
    const fields = drafted as ContactFieldsDto;
    const written = await this.records.write(author, contact, fields, { notesChanged: false });
    await this.records.withCase(written);
    return written;
  }

  /**
   * The volunteer records the call they answered. Their wrap-up ends and they are offered
   * calls again; a record written after wrap-up ran out completes it all the same.
   */
  async wrapUp(actor: Volunteer, callId: string, fields: ContactFieldsDto): Promise<WrapUpView> {
    const call = await this.calls.findOneBy({ id: callId, volunteerId: actor.id });
    if (!call?.answeredAt) throw new NotFoundException(`No call ${callId} answered by you.`);
    const record = await this.openForCall(call.id);
    const inWrapUp = this.switchboard.volunteerState(call.hotlineId, actor.id)?.state === 'wrap_up';
    // A record the call's draft completed is still written in wrap-up: its time counts here.
    const contact = await this.records.write(actor, record, fields, {
      wrapUpFrom: inWrapUp ? call.endedAt : null,
    });
    await this.drafts.clear(call.id);
    if (inWrapUp) {
      await this.callsService.finishWrapUp(actor, callId).catch((error: unknown) => {
        // Wrap-up may have run out between the check and now; the record is saved either way.
        if (!(error instanceof SwitchboardRefusal)) throw error;
      });
    }
    return this.records.withCase(contact);
  }
}
