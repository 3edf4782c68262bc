export * from './outbox/outbox-relay.service';
export * from './outbox/outbox.module';
export * from './intake/ticket-submissions.service';
export * from './intake/intake.module';
