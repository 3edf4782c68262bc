import { ApiKeyEntity } from './api-key.entity';
import { AttachmentEntity } from './attachment.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { KbArticleVersionEntity } from './kb-article-version.entity';
import { KbArticleEntity } from './kb-article.entity';
import { MacroEntity } from './macro.entity';
import { MailMessageEntity } from './mail-message.entity';
import { NotificationEntity } from './notification.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { RoutingRuleEntity } from './routing-rule.entity';
import { SlaClockEntity } from './sla-clock.entity';
import { SuggestionFeedbackEntity } from './suggestion-feedback.entity';
import { TeamEntity } from './team.entity';
import { TicketEventEntity } from './ticket-event.entity';
import { TicketLinkEntity } from './ticket-link.entity';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketRatingEntity } from './ticket-rating.entity';
import { TicketResponseEntity } from './ticket-response.entity';
import { TicketStageResultEntity } from './ticket-stage-result.entity';
import { TicketEntity } from './ticket.entity';
import { TrainedModelEntity } from './trained-model.entity';
import { TrainingExampleEntity } from './training-example.entity';
import { UserEntity } from './user.entity';

export {
  ApiKeyEntity,
  AttachmentEntity,
  AuditEntryEntity,
  KbArticleEntity,
  KbArticleVersionEntity,
  MacroEntity,
  MailMessageEntity,
  NotificationEntity,
  OutboxMessageEntity,
  RoutingRuleEntity,
  SlaClockEntity,
  SuggestionFeedbackEntity,
  TeamEntity,
  TicketEntity,
  TicketEventEntity,
  TicketLinkEntity,
  TicketMessageEntity,
  TicketRatingEntity,
  TicketResponseEntity,
  TicketStageResultEntity,
  TrainedModelEntity,
  TrainingExampleEntity,
  UserEntity,
};
export { ROLES, STAFF_ROLES } from './user.entity';
export type { Role } from './user.entity';
export { MESSAGE_KINDS, PUBLIC_MESSAGE_KINDS } from './ticket-message.entity';
export type { MessageKind, SuggestionUse } from './ticket-message.entity';
export type { AuditAction } from './audit-entry.entity';
export { SUGGESTION_OUTCOMES } from './suggestion-feedback.entity';
export type { SuggestionOutcome } from './suggestion-feedback.entity';
export { KB_ARTICLE_SOURCES } from './kb-article-content';
export type { KbArticleSource } from './kb-article-content';
export type { KbArticleChange } from './kb-article-version.entity';
export type { NotificationChannel, NotificationStatus } from './notification.entity';
export type { MailDirection, MailStatus, OutboundMailKind } from './mail-message.entity';

export const ENTITIES = [
  TicketEntity,
  TicketStageResultEntity,
  TicketResponseEntity,
  TicketEventEntity,
  OutboxMessageEntity,
  KbArticleEntity,
  KbArticleVersionEntity,
  TeamEntity,
  UserEntity,
  ApiKeyEntity,
  TicketMessageEntity,
  MacroEntity,
  AuditEntryEntity,
  TrainingExampleEntity,
  TrainedModelEntity,
  SuggestionFeedbackEntity,
  RoutingRuleEntity,
  SlaClockEntity,
  TicketRatingEntity,
  NotificationEntity,
  MailMessageEntity,
  AttachmentEntity,
  TicketLinkEntity,
];
