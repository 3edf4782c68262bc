import { Module } from '@nestjs/common';
import { RoutingModule } from '@smartdesk/operations';
import { RoutingRulesController } from './routing-rules.controller';
import { RoutingRulesService } from './routing-rules.service';

@Module({
  imports: [RoutingModule],
  controllers: [RoutingRulesController],
  providers: [RoutingRulesService],
  exports: [RoutingRulesService],
})
export class RoutingRulesModule {}
