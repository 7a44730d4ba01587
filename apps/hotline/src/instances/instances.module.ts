import { Global, Module } from '@nestjs/common';
import { Cluster } from './cluster';

/** Several server instances behind a load balancer (REDIS_URL): see docs/instances.md. */
@Global()
@Module({
  providers: [Cluster],
  exports: [Cluster],
})
export class InstancesModule {}
