import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectIntent } from '../../../gateway/src/assistant/intent-rules';

/** The panel's buttons send these phrases as the customer's words: each must trigger its intent in every language. */
const LOCALES = join(__dirname, '../locales');
const EXPECTED = { solved: 'solved', openTicket: 'open-ticket', human: 'handover', status: 'ticket-status' } as const;

describe.each(
  readdirSync(LOCALES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name),
)('quick actions in %s', (language) => {
  const phrases = (JSON.parse(readFileSync(join(LOCALES, language, 'assistant.json'), 'utf8')) as { phrase: Record<keyof typeof EXPECTED, string> }).phrase;
  it.each(Object.entries(EXPECTED))('%s is understood as %s', (action, intent) => {
    expect(detectIntent(phrases[action as keyof typeof EXPECTED]).kind).toBe(intent);
  });
});
