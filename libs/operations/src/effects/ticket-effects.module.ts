import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { OperationsModule } from '../operations.module';
import { OutboxPublisher, TicketEffects } from './ticket-effects.service';

/**
 * TicketEffects for an app. The gateway passes its outbox relay (and the module that provides it); a worker
 * that writes no outbox rows passes nothing. Routing, clocks and live events come from the shared OperationsModule.
 */
@Module({})
export class TicketEffectsModule {
  static register(outbox?: { imports: ModuleMetadata['imports']; publisher: Type<OutboxPublisher> }): DynamicModule {
    return {
      module: TicketEffectsModule,
      imports: [OperationsModule, ...(outbox?.imports ?? [])],
      providers: [TicketEffects, ...(outbox ? [{ provide: OutboxPublisher, useExisting: outbox.publisher }] : [])],
      exports: [TicketEffects],
    };
  }
}
