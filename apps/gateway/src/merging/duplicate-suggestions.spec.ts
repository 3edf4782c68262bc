import { duplicateConfidence, DUPLICATE_WINDOW_MS } from './duplicate-suggestions';

const at = new Date('2026-12-01T10:00:00Z');
const ticket = (subject: string, description: string, createdAt = at) => ({ id: subject, subject, description, createdAt });

describe('duplicateConfidence', () => {
  const parcel = ticket('Parcel not delivered', 'My parcel for order 7781 has not arrived and tracking has not moved.');

  it('is high for the same request sent twice shortly after', () => {
    const again = ticket('Parcel not delivered!!', 'Order 7781: my parcel has not arrived, tracking has not moved.', new Date(at.getTime() + 60_000));
    expect(duplicateConfidence(parcel, again)).toBeGreaterThan(0.7);
  });

  it('is lower for the same words a week apart', () => {
    const soon = duplicateConfidence(parcel, { ...parcel, createdAt: new Date(at.getTime() + 60_000) })!;
    const later = duplicateConfidence(parcel, { ...parcel, createdAt: new Date(at.getTime() + DUPLICATE_WINDOW_MS) })!;
    expect(later).toBeLessThan(soon);
  });

  it('suggests nothing for a different request', () => {
    expect(duplicateConfidence(parcel, ticket('Invoice address', 'Please put my company name on invoice 5521.'))).toBeNull();
  });

  it('reads any script', () => {
    expect(duplicateConfidence(ticket('荷物', '注文7781の荷物がまだ届きません'), ticket('荷物', '注文7781の荷物がまだ届きません'))).toBe(1);
  });
});
