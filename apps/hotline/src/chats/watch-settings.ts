import { Injectable, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { Environment } from '../config/environment';
import { HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Cluster } from '../instances/cluster';

/** What the watch reads of its surroundings: settings, the clock, leadership. */
@Injectable()
export class WatchSettings {
  constructor(
    readonly directory: HotlineDirectory,
    readonly events: HotlineEvents,
    private readonly config: ConfigService<Environment, true>,
    @InjectClock() private readonly clock: Clock,
    @Optional() private readonly cluster?: Cluster,
  ) {}

  now() {
    return this.clock.now();
  }

  /** Jobs that act run on the routing leader only. */
  leading(): boolean {
    return this.cluster?.isLeader ?? true;
  }

  /** How long a volunteer's console may be gone before their chats go back (real ms). */
  graceMs(): number {
    return (this.config.get('CONSOLE_GRACE_SECONDS', { infer: true }) * 1000) / this.clock.speed;
  }
}
