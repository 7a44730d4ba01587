import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { RequestOrigin } from '../common/request-origin';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  hotlineId?: string | null;
}

export interface AuditQuery {
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  limit: number;
  /** Only these hotlines' events (a supervisor's scope); undefined: every event. */
  hotlineIds?: string[];
}

/** Writes the trail of who read or changed a confidential record. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.events.insert({
      id: randomUUID(),
      occurredAt: this.clock.now().toJSDate(),
      hotlineId: entry.hotlineId ?? null,
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      // A job (retention, overdue reports) runs outside any request.
      origin: RequestOrigin.current() ?? 'system',
    });
  }

  find(query: AuditQuery): Promise<AuditEvent[]> {
    const { limit, hotlineIds, ...where } = query;
    return this.events.find({
      where: {
        ...Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined)),
        ...(hotlineIds ? { hotlineId: In(hotlineIds) } : {}),
      },
      order: { occurredAt: 'DESC' },
      take: limit,
    });
  }
}
