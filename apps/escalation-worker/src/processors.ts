import { CheckSlaProcessor } from './sla/check-sla.processor';
import { DeliverNotificationProcessor } from './notifications/deliver-notification.processor';
import { EvaluateEscalationProcessor } from './evaluate-escalation.processor';

/** The queues this worker takes, a processor each: its module provides them, runWorker starts them. */
export const ESCALATION_PROCESSORS = [EvaluateEscalationProcessor, CheckSlaProcessor, DeliverNotificationProcessor];
