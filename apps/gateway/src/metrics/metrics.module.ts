import { Module } from '@nestjs/common';
import { GatewayMetrics } from './gateway-metrics.service';

@Module({ providers: [GatewayMetrics] })
export class MetricsModule {}
