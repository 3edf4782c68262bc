export * from './entities';
export * from './audit-actor';
export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export { MIGRATIONS } from './migrations';
export * from './ticket-lifecycle';
export * from './ticket-stage.store';
export * from './model-store';
