import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Environment, loadEnvironment } from './environment';

/** Validates the environment once at boot (the app refuses to start on a bad variable) and provides it typed. */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, cache: true, validate: (raw) => loadEnvironment(raw as Record<string, string>) })],
  providers: [{ provide: Environment, useFactory: () => loadEnvironment() }],
  exports: [Environment],
})
export class SmartdeskConfigModule {}
