import { UnprocessableEntityException } from '@nestjs/common';
import type { TicketEntity } from '@smartdesk/database';
import { OUT_OF_SCOPE, Taxonomy } from '@smartdesk/nlp';
import type { Principal } from '../auth/principal';

export interface CategoryConfirmation {
  patch: Partial<TicketEntity>;
  event: { type: string; summary: string; data: Record<string, unknown> };
}

/** The categories an agent may choose: the taxonomy's, or "nothing fits". */
export function allowedCategories(taxonomy: Taxonomy): string[] {
  return [...taxonomy.categories.map((category) => category.id), OUT_OF_SCOPE];
}

/**
 * An agent confirming the predicted category or correcting it. Either way the ticket becomes training
 * data for the next retraining, and the timeline says which it was.
 */
export function confirmCategory(ticket: TicketEntity, category: string, taxonomy: Taxonomy, by: Principal): CategoryConfirmation {
  const allowed = allowedCategories(taxonomy);
  if (!allowed.includes(category)) {
    throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: `unknown category '${category}'`, allowed });
  }
  const corrected = ticket.category !== category;
  const data = { from: ticket.category, to: category, predictedConfidence: ticket.categoryConfidence };
  return {
    patch: { category, categoryConfirmedBy: by.email, categoryConfirmedAt: new Date(), ...(corrected ? { categoryConfidence: 1 } : {}) },
    event: corrected
      ? { type: 'category-corrected', summary: `Category ${ticket.category ?? 'unset'} → ${category} by ${by.email}`, data }
      : { type: 'category-confirmed', summary: `Category ${category} confirmed by ${by.email}`, data },
  };
}
