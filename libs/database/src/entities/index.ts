import { KbArticleEntity } from './kb-article.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { TicketEventEntity } from './ticket-event.entity';
import { TicketResponseEntity } from './ticket-response.entity';
import { TicketStageResultEntity } from './ticket-stage-result.entity';
import { TicketEntity } from './ticket.entity';

export { KbArticleEntity, OutboxMessageEntity, TicketEntity, TicketEventEntity, TicketResponseEntity, TicketStageResultEntity };
export type { TicketStatus } from './ticket.entity';
export { TICKET_STATUSES } from './ticket.entity';

export const ENTITIES = [TicketEntity, TicketStageResultEntity, TicketResponseEntity, TicketEventEntity, OutboxMessageEntity, KbArticleEntity];
