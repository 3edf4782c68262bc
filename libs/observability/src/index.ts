export * from './metrics';
export * from './metrics-server';
export * from './queue-depth';
export * from './job-metrics';
export * from './postgres-conflicts';
export * from './http-metrics.middleware';
export * from './process-metrics';
