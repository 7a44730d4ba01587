import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { ConsoleConnections } from './console-connections.gateway';
import { HotlineMetrics } from './hotline-metrics';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsController } from './metrics.controller';
import { WebhookTimer } from './webhook-timer.middleware';

/** `GET /metrics` for Prometheus: see docs/operations.md for each figure and its protection. */
@Module({
  imports: [CallsModule],
  controllers: [MetricsController],
  providers: [HotlineMetrics, MetricsAccessGuard, ConsoleConnections, WebhookTimer],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebhookTimer).forRoutes({ path: 'twilio/*path', method: RequestMethod.ALL });
  }
}
