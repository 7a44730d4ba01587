import {
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { Subscription } from 'rxjs';
import type { WaitingCallView } from '@hotline/routing';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallOffer } from './call-offer.entity';
import { Call } from './call.entity';
import { CreateTrainingCallDto, TrainingCallView } from './dto/training-calls.dto';
import { HotlineEvents } from '../events/hotline-events';
import { Switchboard } from './switchboard';

/** What the practice caller says when no script is given. */
export const DEFAULT_TRAINING_SCRIPT = [
  'Hello? Is this the hotline?',
  'I have a big exam next week and I cannot sleep.',
  'My parents say I just have to try harder.',
  'Thank you for listening.',
];

/** The engine topic of practice calls: no volunteer has it as a skill, so a lapsed offer rings no one else. */
const TRAINING_TOPIC = 'training';

/** A practice call, among the calls an engine holds. */
export function isPracticeCall(call: WaitingCallView): boolean {
  return call.topic === TRAINING_TOPIC;
}

/**
 * Practice calls: rung on one volunteer's console through the normal offer path, never sent to
 * Twilio, never counted in statistics, marked `training` wherever they show. Scripts are kept in
 * memory: a practice call does not outlive a restart.
 */
@Injectable()
export class TrainingCallsService implements OnModuleInit, OnModuleDestroy, OnApplicationBootstrap {
  private readonly logger = new Logger('TrainingCalls');
  private readonly scripts = new Map<string, string[]>();
  private subscription?: Subscription;

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallOffer) private readonly offers: Repository<CallOffer>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly switchboard: Switchboard,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** A practice call not taken (declined, timed out) ends: it never rings anyone else. */
  onModuleInit(): void {
    this.subscription = this.events.on(
      'offer.withdrawn',
      async (event) => {
        const call = await this.calls.findOneBy({ id: event.callId });
        if (call) await this.switchboard.release(call);
      },
      this.logger,
      (event) => event.reason !== 'abandoned' && this.isTraining(event.hotlineId, event.callId),
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Practice calls cut short by a restart are closed; the engines never see them again. */
  async onApplicationBootstrap(): Promise<void> {
    const at = this.clock.now().toJSDate();
    await this.calls.update(
      { training: true, status: In(['waiting', 'offered', 'connecting', 'talking']) },
      { status: 'ended', outcome: 'abandoned', endedAt: at, updatedAt: at },
    );
  }

  async create(actor: Volunteer, dto: CreateTrainingCallDto): Promise<TrainingCallView> {
    if (dto.volunteerId !== actor.id && !actor.hasRole('supervisor', 'coordinator', 'admin'))
      throw new ForbiddenException(
        'Only supervisors, coordinators and admins ring practice calls on someone else.',
      );
    const volunteer = await this.volunteers.findOne({
      where: { id: dto.volunteerId, active: true },
      relations: { hotlines: true },
    });
    const shared = volunteer?.hotlines.find((hotline) => actor.worksFor(hotline.id));
    if (!volunteer || !shared) throw new NotFoundException(`No volunteer ${dto.volunteerId}.`);
    const hotlineId =
      volunteer.hotlines.find(
        (hotline) =>
          this.switchboard.volunteerState(hotline.id, volunteer.id)?.state === 'available',
      )?.id ?? shared.id;
    const now = this.clock.now().toJSDate();
    const call = this.calls.create({
      id: randomUUID(),
      hotlineId,
      callSid: `training-${randomUUID()}`,
      callerNumberEncrypted: null,
      callerHash: null,
      callerType: 'pupil',
      topic: dto.topic ?? 'emotional',
      priority: 'normal',
      status: 'waiting',
      outcome: null,
      queueSid: null,
      volunteerId: null,
      offerCount: 0,
      arrivedAt: now,
      queuedAt: now,
      firstOfferedAt: null,
      answeredAt: null,
      endedAt: null,
      waitSeconds: null,
      talkSeconds: null,
      updatedAt: now,
      training: true,
    });
    await this.calls.insert(call);
    try {
      await this.switchboard.ringOnly(call, volunteer.id, TRAINING_TOPIC);
    } catch (error) {
      await this.calls.update(call.id, {
        status: 'ended',
        outcome: 'abandoned',
        endedAt: now,
        updatedAt: now,
      });
      throw error;
    }
    this.scripts.set(call.id, dto.script?.length ? dto.script : DEFAULT_TRAINING_SCRIPT);
    return this.view(await this.calls.findOneByOrFail({ id: call.id }), volunteer.id);
  }

  async get(actor: Volunteer, id: string): Promise<TrainingCallView> {
    const { call, volunteerId } = await this.visible(actor, id);
    return this.view(call, volunteerId);
  }

  /** The practice caller hangs up: the volunteer is free again at once. */
  async end(actor: Volunteer, id: string): Promise<TrainingCallView> {
    const { call, volunteerId } = await this.visible(actor, id);
    if (call.status === 'ended') throw new ConflictException('This practice call has ended.');
    if (call.status === 'talking') {
      // Talked from the accept; answered_at stays empty, so no contact record can be written.
      const acceptedAt =
        (call.queuedAt ?? call.arrivedAt).getTime() + (call.waitSeconds ?? 0) * 1000;
      await this.calls.update(call.id, {
        talkSeconds: Math.max(0, Math.round((this.clock.now().toMillis() - acceptedAt) / 1000)),
      });
    }
    await this.switchboard.release(call);
    return this.view(await this.calls.findOneByOrFail({ id: call.id }), volunteerId);
  }

  /** A practice call in this instance's engines now. */
  isTraining(hotlineId: string, callId: string): boolean {
    const held = this.switchboard.callView(hotlineId, callId);
    return held !== undefined && isPracticeCall(held);
  }

  /** The volunteer rung, or anyone who may ring practice calls on their hotline. */
  private async visible(
    actor: Volunteer,
    id: string,
  ): Promise<{ call: Call; volunteerId: string }> {
    const call = await this.calls.findOneBy({ id, training: true });
    const volunteerId = call && (call.volunteerId ?? (await this.offeredTo(call.id)));
    const allowed =
      call &&
      (volunteerId === actor.id ||
        (actor.hasRole('supervisor', 'coordinator', 'admin') && actor.worksFor(call.hotlineId)));
    if (!call || !volunteerId || !allowed) throw new NotFoundException(`No practice call ${id}.`);
    return { call, volunteerId };
  }

  private async offeredTo(callId: string): Promise<string | null> {
    const offer = await this.offers.findOne({ where: { callId }, order: { offeredAt: 'ASC' } });
    return offer?.volunteerId ?? null;
  }

  private view(call: Call, volunteerId: string): TrainingCallView {
    const status =
      call.status === 'ended' || call.outcome
        ? 'ended'
        : call.status === 'talking' || call.status === 'connecting'
          ? 'talking'
          : 'offered';
    return {
      id: call.id,
      hotlineId: call.hotlineId,
      volunteerId,
      topic: call.topic ?? 'emotional',
      status,
      ...(call.outcome ? { outcome: call.outcome } : {}),
      script: this.scripts.get(call.id) ?? DEFAULT_TRAINING_SCRIPT,
      training: true,
    };
  }
}
