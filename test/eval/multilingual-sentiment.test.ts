import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SentimentAnalyzer } from '@smartdesk/nlp';

interface TicketRow {
  text: string;
  label: string;
  sentiment: string;
}

/**
 * The zero-shot sentiment model on the 140 support tickets of test/fixtures (20 per language, written for
 * this project), with their known language. Calm failure reports ("the reset e-mail never arrives") are
 * labelled neutral there and may read mildly negative; angry and happy tickets must all be caught.
 */
describe('sentiment on multilingual support tickets', () => {
  const rows: TicketRow[] = parse(readFileSync(join(__dirname, '../fixtures/support-tickets.multilingual.csv')), { columns: true });
  const analyzer = new SentimentAnalyzer();
  const predicted = rows.map((row) => ({ ...row, predicted: analyzer.analyze(row.text, row.label).label }));

  it('holds 20 tickets per supported language', () => {
    const counts = Object.fromEntries(['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja'].map((code) => [code, rows.filter((row) => row.label === code).length]));
    expect(counts).toEqual({ en: 20, es: 20, fr: 20, de: 20, pt: 20, zh: 20, ja: 20 });
  });

  it.each(['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja'])('catches every negative and every positive %s ticket, and most neutral ones', (language) => {
    const tickets = predicted.filter((row) => row.label === language);
    const missed = tickets.filter((row) => row.sentiment !== 'neutral' && row.predicted !== row.sentiment);
    expect(missed.map((row) => row.text.split('\n')[0])).toEqual([]);
    const neutral = tickets.filter((row) => row.sentiment === 'neutral');
    expect(neutral.filter((row) => row.predicted === 'neutral').length).toBeGreaterThanOrEqual(neutral.length - 2);
  });

  it('never puts a calm ticket in the range the escalation rules call very negative (score <= -0.6)', () => {
    const calm = rows.filter((row) => row.sentiment === 'neutral').map((row) => ({ subject: row.text.split('\n')[0], score: analyzer.analyze(row.text, row.label).score }));
    expect(calm.filter((ticket) => ticket.score <= -0.6)).toEqual([]);
  });
});
