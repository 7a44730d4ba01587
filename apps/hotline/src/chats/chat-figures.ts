import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ChannelFigures } from '@hotline/console-protocol';
import type { Clock } from '@hotline/clock';
import { percent } from '@hotline/stats';
import { InjectClock } from '../common/clock.provider';
import type { Hotline } from '../hotlines/hotline.entity';
import { Chat } from './chat.entity';

/** Today's figures of live chats for the supervisors' wall, beside the calls'. */
@Injectable()
export class ChatFigures {
  constructor(
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * Over chats that arrived since the hotline's local midnight, as for calls: service level is
   * answered within the threshold ÷ chats that left the queue (answered, abandoned, closed).
   */
  async today(hotline: Hotline, thresholdSeconds: number): Promise<ChannelFigures> {
    const start = this.clock.now().setZone(hotline.timeZone).startOf('day');
    const row = await this.chats
      .createQueryBuilder('c')
      .select(
        "SUM(CASE WHEN c.outcome IS NULL OR c.outcome <> 'queue_full' THEN 1 ELSE 0 END)",
        'offered',
      )
      .addSelect("SUM(CASE WHEN c.outcome = 'answered' THEN 1 ELSE 0 END)", 'answered')
      .addSelect("SUM(CASE WHEN c.outcome = 'abandoned' THEN 1 ELSE 0 END)", 'abandoned')
      .addSelect("SUM(CASE WHEN c.outcome = 'closed' THEN 1 ELSE 0 END)", 'closed')
      .addSelect(
        "SUM(CASE WHEN c.outcome = 'answered' AND c.waitSeconds <= :threshold THEN 1 ELSE 0 END)",
        'inTime',
      )
      .addSelect('MAX(c.waitSeconds)', 'longestWait')
      .where('c.hotlineId = :hotlineId', { hotlineId: hotline.id })
      .andWhere('c.arrivedAt >= :start AND c.arrivedAt < :end', {
        start: start.toJSDate(),
        end: start.plus({ days: 1 }).toJSDate(),
      })
      .setParameter('threshold', thresholdSeconds)
      .getRawOne<Record<string, string | number | null>>();
    const count = (key: string) => Number(row?.[key] ?? 0);
    const left = count('answered') + count('abandoned') + count('closed');
    return {
      offered: count('offered'),
      answered: count('answered'),
      abandoned: count('abandoned'),
      serviceLevel: percent(count('inTime'), left),
      longestWaitSeconds: count('longestWait'),
    };
  }
}
