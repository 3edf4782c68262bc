export * from './checksums';
export * from './generalize';
export * from './plain-text';
export * from './sensitive-data';
