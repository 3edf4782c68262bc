export * from '../../scripts/support/app-process';
