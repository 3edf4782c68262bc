import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { Clock, SystemClock } from './clock/clock';
import { LiveEvents } from './live/live-events.service';
import { RoutingService } from './routing/routing.service';
import { loadSlaConfig } from './sla/sla-config';
import { SlaScheduler } from './sla/sla-scheduler.service';
import { SLA_CONFIG, SlaService } from './sla/sla.service';

/** Routing and live events: needs the app's DatabaseModule (and Redis for publishing), no queue. */
@Module({
  providers: [RoutingService, LiveEvents],
  exports: [RoutingService, LiveEvents],
})
export class RoutingModule {}

/** SLA clocks and their checkpoints: needs the app's DatabaseModule and QueueModule. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Sla })],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: SLA_CONFIG, inject: [Environment], useFactory: (env: Environment) => loadSlaConfig(env.SLA_CONFIG_FILE) },
    SlaService,
    SlaScheduler,
  ],
  exports: [Clock, SlaService, SlaScheduler],
})
export class SlaModule {}

/** Everything the gateway and the escalation worker share: routing, SLA clocks, live events. */
@Module({
  imports: [RoutingModule, SlaModule],
  exports: [RoutingModule, SlaModule],
})
export class OperationsModule {}
