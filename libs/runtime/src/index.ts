export * from './redis-connection';
export * from './dependencies';
export * from './queue.module';
export * from './stage-processor';
export * from './run-worker';
export * from './worker-options';
export * from './graceful-shutdown';
export * from './boot-environment';
