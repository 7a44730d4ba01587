import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Brackets, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { CallbackRequest } from '../calls/callback-request.entity';
import { InjectClock } from '../common/clock.provider';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { hotlineFor } from '../hotlines/hotline-scope';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallbackAttempt } from './callback-attempt.entity';
import {
  CallbackAssigneeView,
  CallbackAttemptView,
  CallbackItemView,
  CallbackListQuery,
  CallbackPageView,
} from './dto/callback-desk.dto';

/** Who oversees a hotline's call-backs: every request, not only their own. */
export const OVERSEERS = ['supervisor', 'coordinator'] as const;

const PAGE = 50;

/**
 * The call-back list as people read it: filtered, a page at a time (a keyset on the time the
 * request was made, so a year of requests pages as fast as a day), with who is to call back
 * and how the attempts went. A volunteer sees the requests assigned to them; supervisors and
 * coordinators every request of the hotline. It holds no number and no message: nothing
 * confidential, so reading it is not audited (playing a message and dialling a number are).
 */
@Injectable()
export class CallbackList {
  constructor(
    @InjectRepository(CallbackRequest) private readonly requests: Repository<CallbackRequest>,
    @InjectRepository(CallbackAttempt) private readonly attempts: Repository<CallbackAttempt>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly directory: HotlineDirectory,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async page(actor: Volunteer, query: CallbackListQuery): Promise<CallbackPageView> {
    const hotlineId = hotlineFor(actor, query.hotlineId);
    const zone = (await this.directory.hotline(hotlineId)).timeZone;
    const today = this.clock.now().setZone(zone).toISODate()!;
    const status = query.status ?? 'open';
    const filtered = this.filtered(actor, hotlineId, zone, today, query);
    const total = await filtered.clone().getCount();
    // Open: the oldest first, as they are worked through; done or all: the newest first.
    const order = status === 'open' ? 'ASC' : 'DESC';
    if (query.cursor) {
      const [millis, id] = query.cursor.split('_');
      const at = new Date(Number(millis));
      const beyond = order === 'ASC' ? '>' : '<';
      // A range on the index first (time, then id), so the page is read from where it starts.
      filtered
        .andWhere(`r.requestedAt ${beyond}= :at`, { at })
        .andWhere(
          new Brackets((after) =>
            after
              .where(`r.requestedAt ${beyond} :at`, { at })
              .orWhere(`r.id ${beyond} :id`, { id }),
          ),
        );
    }
    const limit = query.limit ?? PAGE;
    const rows = await filtered
      .orderBy('r.requestedAt', order)
      .addOrderBy('r.id', order)
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: await this.views(items, today),
      nextCursor: rows.length > limit && last ? `${last.requestedAt.getTime()}_${last.id}` : null,
      total,
    };
  }

  private filtered(
    actor: Volunteer,
    hotlineId: string,
    zone: string,
    today: string,
    query: CallbackListQuery,
  ): SelectQueryBuilder<CallbackRequest> {
    const list = this.requests
      .createQueryBuilder('r')
      .where('r.hotlineId = :hotlineId', { hotlineId });
    const status = query.status ?? 'open';
    if (status === 'open') list.andWhere('r.doneAt IS NULL');
    if (status === 'done') list.andWhere('r.doneAt IS NOT NULL');
    const assignee = actor.hasRole(...OVERSEERS) ? (query.assignee ?? 'anyone') : 'me';
    if (assignee === 'me') list.andWhere('r.assignedTo = :me', { me: actor.id });
    if (assignee === 'nobody') list.andWhere('r.assignedTo IS NULL');
    if (query.hasMessage !== undefined)
      list.andWhere(`r.recordingSeconds IS ${query.hasMessage ? 'NOT ' : ''}NULL`);
    if (query.overdue) list.andWhere('r.doneAt IS NULL AND r.forDate < :today', { today });
    if (query.source) list.andWhere('r.source = :source', { source: query.source });
    const day = (date: string) => DateTime.fromISO(date, { zone });
    if (query.from) list.andWhere('r.requestedAt >= :from', { from: day(query.from).toJSDate() });
    if (query.to)
      list.andWhere('r.requestedAt < :to', { to: day(query.to).plus({ days: 1 }).toJSDate() });
    return list;
  }

  private async views(requests: CallbackRequest[], today: string): Promise<CallbackItemView[]> {
    const names = await this.names(requests.flatMap((request) => request.assignedTo ?? []));
    return requests.map((request) => ({
      id: request.id,
      callId: request.callId,
      source: request.source,
      reason: request.reason,
      requestedAt: request.requestedAt.toISOString(),
      forDate: request.forDate,
      overdue: request.doneAt === null && request.forDate < today,
      canCallBack: request.callerNumberEncrypted !== null,
      hasMessage: request.recordingSid !== null,
      messageSeconds: request.recordingSeconds,
      hasText: request.messageEncrypted !== null,
      callerType: request.source === 'chat' ? request.callerType : null,
      topic: request.topic,
      messageLeftAt: request.recordedAt?.toISOString() ?? null,
      assignedTo: request.assignedTo
        ? { id: request.assignedTo, name: names.get(request.assignedTo) ?? '' }
        : null,
      assignedAt: request.assignedAt?.toISOString() ?? null,
      attemptCount: request.attemptCount,
      lastOutcome: request.lastOutcome,
      lastAttemptAt: request.lastAttemptAt?.toISOString() ?? null,
      activeAttemptId: request.activeAttemptId,
      doneAt: request.doneAt?.toISOString() ?? null,
      result: request.result,
      reachedAt: request.reachedAt?.toISOString() ?? null,
    }));
  }

  /** The attempts made for a request, newest first: for overseers and the person it is assigned to. */
  async attemptsOf(actor: Volunteer, requestId: string): Promise<CallbackAttemptView[]> {
    const request = await this.requests.findOneBy({ id: requestId });
    if (
      !request ||
      !actor.worksFor(request.hotlineId) ||
      !(actor.hasRole(...OVERSEERS) || request.assignedTo === actor.id)
    )
      throw new NotFoundException(`No call-back request ${requestId} that you may see.`);
    const attempts = await this.attempts.find({
      where: { requestId },
      order: { startedAt: 'DESC' },
    });
    return this.attemptViews(attempts);
  }

  /** One attempt: for its volunteer, and the overseers of its hotline. */
  async attempt(actor: Volunteer, attemptId: string): Promise<CallbackAttemptView> {
    const attempt = await this.attempts.findOneBy({ id: attemptId });
    if (
      !attempt ||
      !actor.worksFor(attempt.hotlineId) ||
      !(actor.hasRole(...OVERSEERS) || attempt.volunteerId === actor.id)
    )
      throw new NotFoundException(`No call-back ${attemptId} that you may see.`);
    return (await this.attemptViews([attempt]))[0];
  }

  private async attemptViews(attempts: CallbackAttempt[]): Promise<CallbackAttemptView[]> {
    const names = await this.names(attempts.map((attempt) => attempt.volunteerId));
    return attempts.map((attempt) => ({
      attemptId: attempt.id,
      requestId: attempt.requestId,
      volunteer: { id: attempt.volunteerId, name: names.get(attempt.volunteerId) ?? '' },
      status: attempt.status,
      outcome: attempt.outcome,
      startedAt: attempt.startedAt.toISOString(),
      answeredAt: attempt.answeredAt?.toISOString() ?? null,
      endedAt: attempt.endedAt?.toISOString() ?? null,
      talkSeconds: attempt.talkSeconds,
    }));
  }

  /** Who a request may be given to: active volunteers and supervisors of the hotline. */
  async assignees(actor: Volunteer, hotlineId?: string): Promise<CallbackAssigneeView[]> {
    const people = await this.volunteers.find({
      where: { active: true, hotlines: { id: hotlineFor(actor, hotlineId) } },
      order: { name: 'ASC' },
    });
    return people
      .filter((person) => person.roles.includes('volunteer') || person.roles.includes('supervisor'))
      .map((person) => ({ id: person.id, name: person.name, roles: person.roles }));
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const people = await this.volunteers.find({
      where: { id: In(unique) },
      select: { id: true, name: true },
    });
    return new Map(people.map((person) => [person.id, person.name]));
  }
}
