import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { Public } from '../auth/access.decorators';
import { InjectClock } from '../common/clock.provider';
import { Environment, isTelephonyConfigured } from '../config/environment';

class HealthView {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
  @ApiProperty({ example: 'up' }) database!: 'up';
  @ApiProperty({ enum: ['on', 'off'] }) telephony!: 'on' | 'off';
  @ApiProperty({ description: 'The hotline clock (differs from real time in simulations)' })
  time!: string;
  @ApiProperty({ description: 'Clock speed: 1 in real time' }) clockSpeed!: number;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectClock() private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database check, for load balancers and monitors' })
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async health(): Promise<HealthView> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ status: 'error', database: 'down' });
    }
    return {
      status: 'ok',
      database: 'up',
      telephony: isTelephonyConfigured(this.config) ? 'on' : 'off',
      time: this.clock.now().toISO()!,
      clockSpeed: this.clock.speed,
    };
  }
}
