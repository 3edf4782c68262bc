export * from '../../scripts/support/free-port';
