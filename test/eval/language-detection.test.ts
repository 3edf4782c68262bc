import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { LanguageResult } from '@smartdesk/contracts';
import type { LanguagePrior } from '@smartdesk/nlp';

const CLI = join(__dirname, '../../dist/scripts/eval/eval.main.js');
const HARNESS = join(__dirname, '../support/detect-languages.js');
const TICKETS = join(__dirname, '../fixtures/support-tickets.multilingual.csv');

interface Detection {
  identified: LanguageResult & { settled: boolean; veryShort: boolean; candidates: string[] };
  result: LanguageResult;
}

/** The real fastText model, in a child process (see detect-languages.js). */
function detect(cases: { text: string; prior?: LanguagePrior }[]): Detection[] {
  const run = spawnSync(process.execPath, [HARNESS], { input: JSON.stringify(cases), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}
const one = (text: string, prior?: LanguagePrior) => detect([{ text, prior }])[0];

describe('language detection with the real lid.176 model', () => {
  it('gets every one of the 140 multilingual support tickets right (npm run eval -- language)', () => {
    const run = spawnSync(process.execPath, [CLI, 'language', '--test', TICKETS], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ task: 'language', n: 140 });
    expect(result.accuracy).toBeGreaterThanOrEqual(0.99);
  });

  it('settles Chinese, Japanese and Korean by script, even two characters of it', () => {
    const [zh, ja, ko] = detect([{ text: '退款' }, { text: '返金してください' }, { text: '환불해 주세요' }]);
    expect(zh.result).toMatchObject({ code: 'zh', source: 'rules', explanation: [expect.stringMatching(/^Han script/)] });
    expect(zh.identified.settled).toBe(true);
    expect(ja.result).toMatchObject({ code: 'ja', source: 'rules' });
    expect(ko.result).toMatchObject({ code: 'ko', source: 'rules' });
  });

  it('reads shouting and strips addresses before asking the model', () => {
    const [shout, addresses] = detect([{ text: 'YOU GUYS ARE HORRIBLE' }, { text: 'Please write to kundenservice@beispiel-shop.de or open https://www.beispiel-shop.de/hilfe/bestellung today' }]);
    expect(shout.result).toMatchObject({ code: 'en', source: 'model' });
    expect(addresses.result.code).toBe('en');
  });

  it('rules out a language whose alphabet lacks the letters, and says so', () => {
    const { result } = one('Commande annulée');
    expect(result.code).toBe('fr');
    expect(result.explanation).toContain('alphabet rules out en');
  });

  it('asks each word of an uncertain short text', () => {
    const { result } = one('Cancelar pedido');
    expect(result.code).toBe('es');
    expect(result.explanation).toEqual(expect.arrayContaining([expect.stringMatching(/^word-by-word evidence \(2 words\)/)]));
  });

  it('answers with current ISO 639-1 codes only', () => {
    const { result } = one('Hoće li biti sunčano danas u Beogradu');
    for (const code of [result.code, ...result.alternatives!.map((alternative) => alternative.code)]) {
      expect(code).toMatch(/^[a-z]{2}$/);
      expect(code).not.toBe('sh');
    }
  });

  describe("the customer's prior", () => {
    it('decides a very short text', () => {
      const { identified, result } = one('Ok', { code: 'fr', basis: 'history' });
      expect(identified).toMatchObject({ veryShort: true, settled: false });
      expect(result).toEqual({
        code: 'fr',
        source: 'rules',
        confidence: 0.6,
        explanation: ['too short to identify', "customer's earlier tickets: fr"],
        alternatives: expect.any(Array),
      });
    });

    it('decides a text with no words, which alone is reported as English with little confidence', () => {
      const [withPrior, without] = detect([{ text: '#4471', prior: { code: 'pt', basis: 'profile' } }, { text: '#4471' }]);
      expect(withPrior.result).toMatchObject({ code: 'pt', source: 'rules' });
      expect(without.result).toMatchObject({ code: 'en', confidence: 0.1 });
    });

    it('tips an uncertain reading towards the customer language when the model has it as a candidate', () => {
      const { identified, result } = one('Vis alle ordrer', { code: 'da', basis: 'profile' });
      expect(identified.settled).toBe(false);
      expect(identified.code).not.toBe('da');
      expect(identified.candidates).toContain('da');
      expect(result).toMatchObject({ code: 'da', source: 'rules' });
      expect(result.explanation).toContain("customer's profile language: da");
    });

    it('does not overrule a settled identification', () => {
      const [english, chinese] = detect([
        { text: 'Where is my parcel? I ordered a lamp two weeks ago.', prior: { code: 'es', basis: 'history' } },
        { text: '退款', prior: { code: 'es', basis: 'history' } },
      ]);
      expect(english.result).toMatchObject({ code: 'en', source: 'model' });
      expect(chinese.result).toMatchObject({ code: 'zh', source: 'rules' });
    });
  });
});
