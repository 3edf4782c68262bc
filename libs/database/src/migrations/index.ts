import { InitialSchema1763700000000 } from './1763700000000-initial-schema';
import { CategoryLearning1764000000000 } from './1764000000000-category-learning';
import { AccountsAndRoles1764200000000 } from './1764200000000-accounts-and-roles';
import { TicketLifecycle1764200100000 } from './1764200100000-ticket-lifecycle';
import { Conversation1764200200000 } from './1764200200000-conversation';
import { AuditLog1764200300000 } from './1764200300000-audit-log';
import { TicketsCustomerEmailIndex1764300000000 } from './1764300000000-tickets-customer-email-index';
import { AuditCategoryModels1764400000000 } from './1764400000000-audit-category-models';
import { Operations1764500000000 } from './1764500000000-operations';
import { KbArticleVersions1764600000000 } from './1764600000000-kb-article-versions';
import { SentimentLearning1764800000000 } from './1764800000000-sentiment-learning';
import { SessionsAndApiKeyScopes1764912000000 } from './1764912000000-sessions-and-api-key-scopes';
import { AuditReveal1764950000000 } from './1764950000000-audit-reveal';
import { SelfServiceEvents1764960000000 } from './1764960000000-self-service-events';
import { EmailAttachmentsMerging1765000000000 } from './1765000000000-email-attachments-merging';
import { AssistantConversations1765100000000 } from './1765100000000-assistant-conversations';
import { MachineTexts1765200000000 } from './1765200000000-machine-texts';
import { MergeNoticeMail1765300000000 } from './1765300000000-merge-notice-mail';
import { TicketListKeyset1765310000000 } from './1765310000000-ticket-list-keyset';

/** Every migration, in timestamp order. Listed explicitly so the same array works compiled, in tests and bundled. */
export const MIGRATIONS = [
  InitialSchema1763700000000,
  CategoryLearning1764000000000,
  AccountsAndRoles1764200000000,
  TicketLifecycle1764200100000,
  Conversation1764200200000,
  AuditLog1764200300000,
  TicketsCustomerEmailIndex1764300000000,
  AuditCategoryModels1764400000000,
  Operations1764500000000,
  KbArticleVersions1764600000000,
  SentimentLearning1764800000000,
  SessionsAndApiKeyScopes1764912000000,
  AuditReveal1764950000000,
  SelfServiceEvents1764960000000,
  EmailAttachmentsMerging1765000000000,
  AssistantConversations1765100000000,
  MachineTexts1765200000000,
  MergeNoticeMail1765300000000,
  TicketListKeyset1765310000000,
];
