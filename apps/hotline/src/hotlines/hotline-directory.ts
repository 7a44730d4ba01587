import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HotlineEvents } from '../events/hotline-events';
import { Cluster } from '../instances/cluster';
import { Hotline } from './hotline.entity';

/**
 * Which hotline is which: each hotline's settings, read once and kept current, and the hotline
 * a dialled number belongs to, so webhooks need not read them. A change is told to every
 * instance and published as `hotline.changed`.
 */
@Injectable()
export class HotlineDirectory implements OnApplicationBootstrap {
  private readonly logger = new Logger('HotlineDirectory');
  private readonly settings = new Map<string, Promise<Hotline>>();
  /** Dialled number → hotline id; numbers change rarely, and every change clears it. */
  private readonly byNumber = new Map<string, string>();

  constructor(
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    private readonly events: HotlineEvents,
    @Optional() private readonly cluster?: Cluster,
  ) {}

  onApplicationBootstrap(): void {
    this.cluster?.on('hotline.changed', ({ hotlineId }: { hotlineId: string }) => {
      void this.hotlines
        .findOneBy({ id: hotlineId })
        .then((hotline) => hotline && this.changed(hotline, false))
        .catch((error: Error) =>
          this.logger.warn({ err: error.message }, 'hotline refresh failed'),
        );
    });
  }

  /** The hotline's current settings (read once, then kept in step by `changed`). */
  hotline(hotlineId: string): Promise<Hotline> {
    let hotline = this.settings.get(hotlineId);
    if (!hotline) {
      hotline = this.hotlines.findOneByOrFail({ id: hotlineId });
      hotline.catch(() => this.settings.delete(hotlineId));
      this.settings.set(hotlineId, hotline);
    }
    return hotline;
  }

  /**
   * The hotline whose number was dialled; the oldest hotline when no number matches (the id
   * settles a tie, so every instance and every database picks the same one).
   */
  async called(number: string | undefined): Promise<Hotline> {
    const key = number ?? '';
    let hotlineId = this.byNumber.get(key);
    if (!hotlineId) {
      const dialled = number
        ? await this.hotlines.findOne({ where: { phoneNumber: number }, select: { id: true } })
        : null;
      const hotline =
        dialled ??
        (
          await this.hotlines.find({
            select: { id: true },
            order: { createdAt: 'ASC', id: 'ASC' },
            take: 1,
          })
        )[0];
      hotlineId = hotline.id;
      this.byNumber.set(key, hotlineId);
    }
    return this.hotline(hotlineId);
  }

  /** A hotline's settings were saved: every reader, here and on the other instances, gets them. */
  changed(hotline: Hotline, tellOthers = true): void {
    this.byNumber.clear();
    this.settings.set(hotline.id, Promise.resolve(hotline));
    if (tellOthers) this.cluster?.broadcast('hotline.changed', { hotlineId: hotline.id });
    this.events.publish({ type: 'hotline.changed', hotlineId: hotline.id, hotline });
  }
}
