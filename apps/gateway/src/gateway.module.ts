import { Module } from '@nestjs/common';
import { SmartdeskConfigModule } from '@smartdesk/config';
import { DatabaseModule } from '@smartdesk/database';
import { QueueModule } from '@smartdesk/runtime';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AssistModule } from './assist/assist.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AssistantModule } from './assistant/assistant.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CategoriesModule } from './categories/categories.module';
import { ConversationModule } from './conversation/conversation.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { KnowledgeBaseModule } from './knowledge/knowledge-base.module';
import { LearningModule } from './learning/learning.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { MergingModule } from './merging/merging.module';
import { MetricsModule } from './metrics/metrics.module';
import { QueueBoardModule } from './queue-board/queue-board.module';
import { RoutingRulesModule } from './routing/routing-rules.module';
import { SelfServiceModule } from './self-service/self-service.module';
import { StatsModule } from './stats/stats.module';
import { TeamsModule } from './teams/teams.module';
import { TicketsModule } from './tickets/tickets.module';
import { UsersModule } from './users/users.module';
import { WebAppModule } from './web/web-app.module';

@Module({
  imports: [
    SmartdeskConfigModule,
    DatabaseModule,
    QueueModule.forRoot('producer'),
    RateLimitsModule,
    AuthModule,
    UsersModule,
    TeamsModule,
    ApiKeysModule,
    TicketsModule,
    LearningModule,
    CategoriesModule,
    KnowledgeBaseModule,
    ConversationModule,
    AssistModule,
    AttachmentsModule,
    MergingModule,
    AuditModule,
    RoutingRulesModule,
    StatsModule,
    AssistantModule,
    EventsModule,
    HealthModule,
    SelfServiceModule,
    MetricsModule,
    QueueBoardModule,
    // Last: the web app's fallback answers only what no API route did.
    WebAppModule,
  ],
})
export class GatewayModule {}
