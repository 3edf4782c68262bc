import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Environment } from '@smartdesk/config';
import { probe } from '@smartdesk/runtime';
import { Public } from '../auth/auth.decorators';
import { Attachments, OutboxRelay } from '@smartdesk/channels';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly outbox: OutboxRelay,
    private readonly attachments: Attachments,
    private readonly env: Environment,
  ) {}

  /** Liveness: the process answers. Nothing a restart cannot fix belongs here (a dependency down is not one). */
  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness probe: 200 while the process answers' })
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: what this process needs to serve. Intake stores tickets in Postgres and publishes them through
   * the outbox once Redis is back, and retrieval degrades without Chroma: so Postgres alone.
   */
  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness probe: Postgres answers (tickets are accepted without Redis and Chroma); 503 when not' })
  ready() {
    return this.health.check([() => this.database.pingCheck('postgres', { timeout: 2000 })]);
  }

  /** The detailed report for people and dashboards, not for probes: Redis, Chroma or the attachment store down does not stop intake. */
  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Postgres, Redis (with the outbox backlog), Chroma and the attachment store each reported; 503 when one is down. Probes use /health/live and /health/ready' })
  check() {
    return this.health.check([() => this.database.pingCheck('postgres', { timeout: 2000 }), () => this.dependency('redis'), () => this.dependency('chroma'), () => this.attachmentStore()]);
  }

  /** The attachment store (directory or bucket): down means uploads fail, while tickets are still taken. */
  private async attachmentStore() {
    const indicator = this.indicators.check('attachments');
    try {
      await this.attachments.checkStore();
      return indicator.up({ store: this.env.ATTACHMENTS_STORE });
    } catch (error) {
      return indicator.down({ store: this.env.ATTACHMENTS_STORE, message: (error as Error).message });
    }
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
