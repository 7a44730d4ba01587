import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { Call } from '../calls/call.entity';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import type { Hotline } from '../hotlines/hotline.entity';
import { CallerBlock } from './caller-block.entity';
import { Admission, CallerLimit, admission, frequentCaller } from './caller-admission';

/** The hotline's limit per number, from its routing settings. */
export const limitOf = (hotline: Hotline): CallerLimit => ({
  calls: hotline.routing.callerLimitCalls,
  minutes: hotline.routing.callerLimitMinutes,
});

/**
 * Reads a caller's record (blocks, recent calls) for the decision at the door: whether a call
 * is admitted, and whether its caller counts as a frequent caller now.
 */
@Injectable()
export class CallerGate {
  constructor(
    @InjectRepository(CallerBlock) private readonly blocks: Repository<CallerBlock>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly directory: HotlineDirectory,
  ) {}

  async admission(hotline: Hotline, callerHash: string | null, now: Date): Promise<Admission> {
    if (!callerHash) return 'admit';
    const [blocks, earlierArrivals] = await Promise.all([
      this.blocks.find({
        where: { hotlineId: hotline.id, subjectKind: 'caller', subjectHash: callerHash },
        // With its id: TypeORM folds rows without a primary key into one.
        select: { id: true, expiresAt: true, liftedAt: true },
      }),
      this.arrivals(hotline, callerHash, now),
    ]);
    return admission({ callerHash, blocks, earlierArrivals }, limitOf(hotline), now);
  }

  async frequent(hotlineId: string, callerHash: string, now: Date): Promise<boolean> {
    const hotline = await this.directory.hotline(hotlineId);
    return frequentCaller(await this.arrivals(hotline, callerHash, now), limitOf(hotline), now);
  }

  /** Arrivals of this caller's real calls (not practice ones) within the limit's span. */
  private async arrivals(hotline: Hotline, callerHash: string, now: Date): Promise<Date[]> {
    const limit = limitOf(hotline);
    if (limit.calls === 0) return [];
    const since = new Date(now.getTime() - limit.minutes * 60_000);
    const rows = await this.calls.find({
      where: { hotlineId: hotline.id, callerHash, training: false, arrivedAt: MoreThan(since) },
      select: { id: true, arrivedAt: true },
      take: limit.calls + 1,
    });
    return rows.map((row) => row.arrivedAt);
  }
}
