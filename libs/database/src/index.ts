export * from './entities';
export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export { MIGRATIONS } from './migrations';
export * from './ticket-stage.store';
