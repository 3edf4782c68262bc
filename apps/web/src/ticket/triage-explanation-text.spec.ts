import type { TFunction } from 'i18next';
import { localeFormat } from '../i18n/locale-format';
import { localeTranslator } from '../i18n/locale-translator.test-support';
import { categoryExplanationTexts, priorityReasonTexts } from './triage-explanation-text';

const NAMES: Record<string, string> = { billing: 'Abrechnung', returns_refunds: 'Rücksendungen und Erstattungen' };
const nameOf = (category: string) => NAMES[category] ?? category;

describe('triage explanations', () => {
  const missing: string[] = [];
  const translator = (language: string) => localeTranslator(language, missing);
  let de: TFunction;

  beforeAll(async () => {
    de = await translator('de');
  });
  afterEach(() => expect(missing).toEqual([]));

  it('names the matched words in German, as the customer typed them', () => {
    const result = { explanation: ['matched "doppelt"', 'matched "Rechnung"'], matchedTerms: ['doppelt', 'Rechnung'] };
    expect(categoryExplanationTexts(result, de, localeFormat('de'), nameOf)).toEqual(['Treffer: „doppelt“', 'Treffer: „Rechnung“']);
  });

  it("keeps an LLM's own reason as it wrote it, and says what the model had said by the category's German name", () => {
    const result = {
      explanation: ['LLM: asks for a refund', 'model v2 said billing (41%)'],
      judged: { reason: 'asks for a refund', modelVersion: 2, category: 'billing', confidence: 0.41 },
    };
    expect(categoryExplanationTexts(result, de, localeFormat('de'), nameOf)).toEqual(['LLM: asks for a refund', 'Modell v2 hatte Abrechnung erkannt (41\u00a0%)']);
  });

  it('shows the recorded English lines of a result stored without the data, or of an out-of-scope verdict', () => {
    expect(categoryExplanationTexts({ explanation: ['matched "refund"'] }, de, localeFormat('de'), nameOf)).toEqual(['matched "refund"']);
    expect(categoryExplanationTexts({ explanation: ['no category matched (best similarity 0.12)'] }, de, localeFormat('de'), nameOf)).toEqual(['no category matched (best similarity 0.12)']);
  });

  it('phrases the priority reasons from their codes, the severity by its name', async () => {
    const result = {
      reasons: ['category severity medium', 'money taken twice', 'VIP customer'],
      reasonCodes: [{ code: 'category-severity', params: { severity: 'medium' } }, { code: 'money-taken-twice' }, { code: 'vip-customer' }],
    };
    expect(priorityReasonTexts(result, de)).toEqual(['Schweregrad der Kategorie: mittel', 'Doppelt abgebucht', 'VIP-Kunde']);
    expect(priorityReasonTexts(result, await translator('ja'))).toEqual(['カテゴリの重大度：中', '二重請求', 'VIP 顧客']);
  });

  it('shows the recorded English reasons of a result stored without codes, and for a code this build does not know', () => {
    expect(priorityReasonTexts({ reasons: ['category severity high', 'deadline'] }, de)).toEqual(['category severity high', 'deadline']);
    expect(priorityReasonTexts({ reasons: ['no category severity', 'solar flare'], reasonCodes: [{ code: 'no-category-severity' }, { code: 'solar-flare' }] }, de)).toEqual([
      'Kategorie ohne Schweregrad',
      'solar flare',
    ]);
  });
});
