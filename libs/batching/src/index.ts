export * from './group-by';
export * from './micro-batcher';
