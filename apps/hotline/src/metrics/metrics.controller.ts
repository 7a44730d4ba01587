import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { prometheusContentType } from 'prom-client';
import { Public } from '../auth/access.decorators';
import { HotlineMetrics } from './hotline-metrics';
import { MetricsAccessGuard } from './metrics-access.guard';

/**
 * Prometheus's scrape. Not an API route: no sign-in (monitoring has no person behind it), its
 * own protection instead, and kept out of the OpenAPI document.
 */
@ApiExcludeController()
@Public()
@UseGuards(MetricsAccessGuard)
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: HotlineMetrics) {}

  @Get()
  @Header('Content-Type', prometheusContentType)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
