import type { TicketEntity } from '@smartdesk/database';
import type { Principal } from '../auth/principal';
import { confirmLabel } from './label-confirmation';

const agent = { email: 'ben.agent@smartdesk.example' } as Principal;
const ticket = { category: 'billing', categoryConfidence: 0.41, sentimentLabel: 'neutral' } as TicketEntity;

describe('confirmLabel', () => {
  it('a corrected category becomes certain; the event says what it was', () => {
    const { patch, event } = confirmLabel('category', ticket, 'shipping', ['billing', 'shipping'], agent);
    expect(patch).toMatchObject({ category: 'shipping', categoryConfidence: 1, categoryConfirmedBy: agent.email, categoryConfirmedAt: expect.any(Date) });
    expect(event).toEqual({ type: 'category-corrected', summary: `Category billing → shipping by ${agent.email}`, data: { from: 'billing', to: 'shipping', predictedConfidence: 0.41 } });
  });

  it('a corrected sentiment sets the label and who confirmed it, and nothing of the category', () => {
    const { patch, event } = confirmLabel('sentiment', ticket, 'negative', ['negative', 'neutral', 'positive'], agent);
    expect(patch).toEqual({ sentimentLabel: 'negative', sentimentConfirmedBy: agent.email, sentimentConfirmedAt: expect.any(Date) });
    expect(event).toEqual({ type: 'sentiment-corrected', summary: `Sentiment neutral → negative by ${agent.email}`, data: { from: 'neutral', to: 'negative' } });
  });

  it('confirming the prediction keeps its confidence', () => {
    const { patch, event } = confirmLabel('category', ticket, 'billing', ['billing'], agent);
    expect(patch.categoryConfidence).toBeUndefined();
    expect(event.type).toBe('category-confirmed');
  });

  it('refuses a label outside the allowed ones with 422, listing them', () => {
    expect(() => confirmLabel('category', ticket, 'loyalty', ['billing', 'other'], agent)).toThrow(
      expect.objectContaining({ status: 422, response: expect.objectContaining({ allowed: ['billing', 'other'] }) }),
    );
  });
});
