import {
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Subscription } from 'rxjs';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { Call } from '../calls/call.entity';
import { InjectClock } from '../common/clock.provider';
import { CRISIS_RISK_LEVELS } from '../contacts/contact-fields';
import type { Contact } from '../contacts/contact.entity';
import { isUniqueViolation } from '../database/errors';
import { HotlineEventOf, HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisAlerts } from './crisis-alerts.service';
import { CrisisCase, CrisisTrigger, newCase } from './crisis-case.entity';

/** A call the volunteer is still in: being connected or talking. */
const LIVE_CALL_STATUSES: readonly Call['status'][] = ['connecting', 'talking'];

/**
 * Opens crisis cases: for the danger key pressed during a call, for a contact rated high
 * or imminent risk, or for a volunteer's "crisis now" during their call; each new case is
 * alerted to the supervisors at once.
 */
@Injectable()
export class CrisisOpening implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Crisis');
  private subscriptions: Subscription[] = [];

  constructor(
    @InjectRepository(CrisisCase) private readonly cases: Repository<CrisisCase>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly alerts: CrisisAlerts,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscriptions = [
      this.events.on(
        'call.danger',
        (event) => this.openForDangerKey(event.hotlineId, event.callId),
        this.logger,
      ),
      this.events.on(
        'chat.danger',
        (event) => this.openForDangerChat(event.hotlineId, event.chatId),
        this.logger,
      ),
      this.events.on('crisis.escalated', (event) => this.escalated(event), this.logger),
    ];
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /**
   * Nobody has taken a crisis caller: the supervisors get a lasting alert saying so, raised
   * again until one acknowledges it. Once the caller is forwarded to the crisis line, the
   * alert stops, noting it.
   */
  async escalated(event: HotlineEventOf<'crisis.escalated'>): Promise<void> {
    if (event.step === 'forwarded') return this.alerts.forwarded(event.callId);
    const crisisCase =
      event.channel === 'chat'
        ? await this.openForDangerChat(event.hotlineId, event.callId)
        : await this.openForDangerKey(event.hotlineId, event.callId);
    await this.alerts.alert(crisisCase, 'not_taken');
  }

  /** The writer said "I am in danger now" on the chat page: a case opens, as for the danger key. */
  async openForDangerChat(hotlineId: string, chatId: string): Promise<CrisisCase> {
    return this.open({
      hotlineId,
      trigger: 'danger_key',
      callId: null,
      chatId,
      contactId: null,
      riskLevel: null,
    });
  }

  /**
   * "Crisis now" in a live chat: as during a call, the case opens at once (risk imminent, the
   * volunteer its author) and the supervisors are alerted (the wall offers to join the chat).
   * The chats module checks first that the volunteer holds the chat in conversation.
   */
  async crisisNowForChat(
    actor: Volunteer,
    chat: { id: string; hotlineId: string },
  ): Promise<CrisisCase> {
    return this.openNow(actor, { hotlineId: chat.hotlineId, callId: null, chatId: chat.id });
  }

  /** The crisis case of a chat, if it has one. */
  async caseOfChat(chatId: string): Promise<string | null> {
    return (await this.cases.findOne({ where: { chatId }, select: { id: true } }))?.id ?? null;
  }

  /** The caller pressed the danger key. A retried webhook finds the case already open. */
  async openForDangerKey(hotlineId: string, callId: string): Promise<CrisisCase> {
    return this.open({
      hotlineId,
      trigger: 'danger_key',
      callId,
      contactId: null,
      riskLevel: null,
    });
  }

  /**
   * "Crisis now": the volunteer in the call opens its case at once (risk imminent, they its
   * author); the supervisors are alerted (`crisis_now`: the wall offers to join the call) and
   * texted. A case the call already has (the danger key) is raised to imminent and alerted the
   * same way. Pressing it again returns the same case and raises no second alert.
   */
  async crisisNow(actor: Volunteer, callId: string): Promise<CrisisCase> {
    const call = await this.calls.findOneBy({ id: callId, volunteerId: actor.id });
    if (!call) throw new NotFoundException(`No call ${callId} answered by you.`);
    if (!LIVE_CALL_STATUSES.includes(call.status))
      throw new ConflictException(
        'This call is over: rate its risk as imminent in the contact record to open a crisis case.',
      );
    if (call.training)
      throw new ConflictException('A practice call opens no crisis case and alerts nobody.');
    return this.openNow(actor, { hotlineId: call.hotlineId, callId: call.id });
  }

  /** "Crisis now" in a call or a chat: its case, opened or raised to imminent, and alerted. */
  private async openNow(
    actor: Volunteer,
    of: Pick<CrisisCase, 'hotlineId' | 'callId'> & Partial<Pick<CrisisCase, 'chatId'>>,
  ): Promise<CrisisCase> {
    const crisisCase = await this.open({
      ...of,
      trigger: 'crisis_now',
      contactId: null,
      riskLevel: 'imminent',
      openedBy: actor.id,
    });
    if (crisisCase.trigger !== 'crisis_now') {
      // The case was already open: the volunteer's call for help is alerted all the same.
      await this.cases.update(crisisCase.id, {
        riskLevel: 'imminent',
        updatedAt: this.clock.now().toJSDate(),
      });
      await this.alerts.alert(crisisCase, 'crisis_now');
    }
    return crisisCase;
  }

  /** The crisis case of a call, if it has one. */
  async caseOf(callId: string): Promise<string | null> {
    return (await this.cases.findOne({ where: { callId }, select: { id: true } }))?.id ?? null;
  }

  /**
   * A contact was written or changed: it joins the case its call already opened, or opens one
   * when its risk is high or imminent. Returns the case id, if there is a case.
   */
  async considerContact(contact: Contact): Promise<string | undefined> {
    const existing = await this.cases.findOne({
      where: [
        { contactId: contact.id },
        ...(contact.callId ? [{ callId: contact.callId }] : []),
        ...(contact.chatId ? [{ chatId: contact.chatId }] : []),
      ],
    });
    if (existing) {
      await this.cases.update(existing.id, {
        contactId: contact.id,
        riskLevel: contact.riskLevel,
        updatedAt: this.clock.now().toJSDate(),
      });
      return existing.id;
    }
    if (!contact.riskLevel || !CRISIS_RISK_LEVELS.includes(contact.riskLevel)) return undefined;
    const opened = await this.open({
      hotlineId: contact.hotlineId,
      trigger: 'risk_level',
      callId: contact.callId,
      chatId: contact.chatId,
      contactId: contact.id,
      riskLevel: contact.riskLevel,
    });
    return opened.id;
  }

  private async open(
    fields: Pick<CrisisCase, 'hotlineId' | 'callId' | 'contactId' | 'riskLevel'> &
      Partial<Pick<CrisisCase, 'openedBy' | 'chatId'>> & { trigger: CrisisTrigger },
  ): Promise<CrisisCase> {
    const crisisCase = this.cases.create(
      newCase({ ...fields, id: randomUUID() }, this.clock.now().toJSDate()),
    );
    try {
      await this.cases.insert(crisisCase);
    } catch (error) {
      // A retry, or the danger and "crisis now" of one call or chat: one case either way.
      if (!isUniqueViolation(error) || !(fields.callId || fields.chatId)) throw error;
      return this.cases.findOneByOrFail(
        fields.callId ? { callId: fields.callId } : { chatId: fields.chatId! },
      );
    }
    this.logger.warn(`crisis case ${crisisCase.id} opened (${fields.trigger})`);
    await this.alerts.alert(
      crisisCase,
      fields.trigger === 'risk_level' ? 'high_risk' : fields.trigger,
    );
    return crisisCase;
  }
}
