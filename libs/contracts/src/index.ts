export * from './queue-names';
export * from './job-catalog';
export * from './worker-settings';
export * from './ticket-flows';
export * from './outbox-messages';
export * from './stage-results';
export * from './live-events';
export * from './model-tasks';
