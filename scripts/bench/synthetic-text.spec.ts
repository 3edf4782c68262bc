import { seededRandom } from '@smartdesk/nlp';
import { chunkTexts, ticketPayloads } from './synthetic-text';

describe('seededRandom', () => {
  it('repeats for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
    expect(Array.from({ length: 1000 }, c)).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('ticketPayloads', () => {
  it('makes varied, valid ticket bodies that repeat for the same seed', () => {
    const tickets = Array.from({ length: 200 }, ticketPayloads(1));
    expect(Array.from({ length: 200 }, ticketPayloads(1))).toEqual(tickets);
    expect(new Set(tickets.map((ticket) => ticket.description)).size).toBeGreaterThan(150);
    expect(new Set(tickets.map((ticket) => ticket.customerEmail)).size).toBe(200);
    for (const ticket of tickets) {
      expect(ticket.subject.length).toBeLessThanOrEqual(300);
      expect(ticket.description.length).toBeGreaterThan(50);
      expect(ticket.description).not.toMatch(/\{[nkd]\}/);
      expect(['web', 'email', 'chat']).toContain(ticket.channel);
    }
  });
});

describe('chunkTexts', () => {
  it('makes a few sentences per chunk, mostly distinct', () => {
    const chunks = Array.from({ length: 500 }, chunkTexts(5));
    expect(new Set(chunks).size).toBeGreaterThan(450);
    for (const chunk of chunks) expect(chunk.length).toBeGreaterThan(80);
  });
});
