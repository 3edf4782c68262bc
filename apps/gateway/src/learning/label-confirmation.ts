import { UnprocessableEntityException } from '@nestjs/common';
import type { ModelTask } from '@smartdesk/contracts';
import type { TicketEntity } from '@smartdesk/database';
import type { Principal } from '../auth/principal';

export interface LabelConfirmation {
  patch: Partial<TicketEntity>;
  event: { type: string; summary: string; data: Record<string, unknown> };
}

type LabelColumns = { [K in keyof TicketEntity]: TicketEntity[K] extends string | null ? K : never }[keyof TicketEntity];

/** The ticket columns that hold each task's label and who confirmed it. */
const TICKET_COLUMNS: Record<ModelTask, { label: LabelColumns; confidence?: 'categoryConfidence'; by: LabelColumns; at: 'categoryConfirmedAt' | 'sentimentConfirmedAt' }> = {
  category: { label: 'category', confidence: 'categoryConfidence', by: 'categoryConfirmedBy', at: 'categoryConfirmedAt' },
  sentiment: { label: 'sentimentLabel', by: 'sentimentConfirmedBy', at: 'sentimentConfirmedAt' },
};

/**
 * An agent confirming a ticket's predicted label (category, sentiment) or correcting it. Either way the
 * ticket becomes training data for the next retraining, and the timeline says which it was.
 */
export function confirmLabel(task: ModelTask, ticket: TicketEntity, value: string, allowed: readonly string[], by: Principal): LabelConfirmation {
  if (!allowed.includes(value)) {
    throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: `unknown ${task} '${value}'`, allowed });
  }
  const columns = TICKET_COLUMNS[task];
  const predicted = ticket[columns.label] as string | null;
  const corrected = predicted !== value;
  const data = { from: predicted, to: value, ...(columns.confidence ? { predictedConfidence: ticket[columns.confidence] } : {}) };
  const name = `${task[0].toUpperCase()}${task.slice(1)}`;
  const patch: Partial<TicketEntity> = { [columns.label]: value, [columns.by]: by.email, [columns.at]: new Date() };
  // A corrected category is certain now; sentiment keeps no confidence on the ticket.
  if (corrected && columns.confidence) patch[columns.confidence] = 1;
  return {
    patch,
    event: corrected
      ? { type: `${task}-corrected`, summary: `${name} ${predicted ?? 'unset'} → ${value} by ${by.email}`, data }
      : { type: `${task}-confirmed`, summary: `${name} ${value} confirmed by ${by.email}`, data },
  };
}
