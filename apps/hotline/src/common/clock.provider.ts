import { Inject, Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DateTime } from 'luxon';
import { Clock, ScaledClock, SystemClock } from '@hotline/clock';
import { Environment } from '../config/environment';

export const CLOCK = Symbol('Clock');

/** Injects the hotline's clock (see HOTLINE_CLOCK_START / HOTLINE_CLOCK_SPEED). */
export const InjectClock = () => Inject(CLOCK);

export const clockProvider: Provider = {
  provide: CLOCK,
  inject: [ConfigService],
  useFactory: (config: ConfigService<Environment, true>): Clock => {
    const start = config.get('HOTLINE_CLOCK_START', { infer: true });
    const speed = config.get('HOTLINE_CLOCK_SPEED', { infer: true });
    if (!start && speed === 1) return new SystemClock();
    return new ScaledClock(
      start ? DateTime.fromISO(start, { setZone: true }) : DateTime.utc(),
      speed,
    );
  },
};
