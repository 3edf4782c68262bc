/** Scripts written by a single language (Devanagari, Arabic, Cyrillic and Latin are shared and left to the model). */
const SINGLE_LANGUAGE_SCRIPTS = Object.entries({
  Hangul: 'ko',
  Greek: 'el',
  Hebrew: 'he',
  Thai: 'th',
  Armenian: 'hy',
  Georgian: 'ka',
  Khmer: 'km',
  Lao: 'lo',
  Myanmar: 'my',
  Sinhala: 'si',
  Gujarati: 'gu',
  Gurmukhi: 'pa',
  Tamil: 'ta',
  Telugu: 'te',
  Kannada: 'kn',
  Malayalam: 'ml',
  Tibetan: 'bo',
  Thaana: 'dv',
}).map(([script, code]) => ({ script, code, pattern: new RegExp(`\\p{Script=${script}}`, 'gu') }));
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;
const HANGUL = SINGLE_LANGUAGE_SCRIPTS[0].pattern;
const LATIN_OR_CYRILLIC = /^[\p{Script=Latin}\p{Script=Cyrillic}]*$/u;
/** A Han character carries about a word: a quarter of the letters is plenty to call a text Chinese or Japanese. */
const CJK_SHARE = 0.25;
const SCRIPT_SHARE = 0.5;

export interface ScriptVerdict {
  code: string;
  script: string;
  /** Share of the text's letters in the deciding script(s). */
  share: number;
}

/**
 * The language a text's script settles without a model: kana means Japanese, Han without kana or
 * Hangul Chinese (Japanese sentences always carry kana), Hangul Korean, Greek Greek, and so on.
 * fastText misreads short CJK utterances ("取消闹钟" as English). `letters`: the text's letters only.
 */
export function languageByScript(letters: string): ScriptVerdict | undefined {
  if (letters.length === 0 || LATIN_OR_CYRILLIC.test(letters)) return undefined;
  const share = (pattern: RegExp) => (letters.match(pattern)?.length ?? 0) / letters.length;
  const han = share(HAN);
  const kana = share(KANA);
  const hangul = share(HANGUL);
  if (kana > 0 && kana >= hangul && kana + han >= CJK_SHARE) return { code: 'ja', script: 'Kana', share: kana + han };
  if (hangul > 0 && hangul + han >= CJK_SHARE) return { code: 'ko', script: 'Hangul', share: hangul + han };
  if (han >= CJK_SHARE) return { code: 'zh', script: 'Han', share: han };
  for (const { script, code, pattern } of SINGLE_LANGUAGE_SCRIPTS) {
    const portion = share(pattern);
    if (portion >= SCRIPT_SHARE) return { code, script, share: portion };
  }
  return undefined;
}
