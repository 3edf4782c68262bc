import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Environment } from '@smartdesk/config';
import { probe } from '@smartdesk/runtime';
import { Public } from '../auth/auth.decorators';
import { OutboxRelay } from '@smartdesk/channels';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly outbox: OutboxRelay,
    private readonly env: Environment,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Postgres, Redis and Chroma each reported; 503 when one is down' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.dependency('redis'),
      () => this.dependency('chroma'),
    ]);
  }

  private async dependency(key: 'redis' | 'chroma') {
    const indicator = this.indicators.check(key);
    try {
      await probe(key, this.env);
      // Messages that could not reach Redis yet: > 0 while Redis is or was just down.
      return key === 'redis' ? indicator.up({ outboxPending: await this.outbox.pending() }) : indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
