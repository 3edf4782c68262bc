import { getLIDModel } from 'fasttext.wasm.js';
import type { LanguageResult } from '@smartdesk/contracts';

type LidModel = Awaited<ReturnType<typeof getLIDModel>>;

/** Languages the product writes replies in; detection still reports any of fastText's 176. */
export const SUPPORTED_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja'] as const;

/**
 * fastText's lid.176 language identifier (shipped inside the npm package, runs offline as WebAssembly).
 * For texts too short to tell, a known prior (the customer's earlier language) wins over a weak guess.
 */
export class LanguageDetector {
  private model?: LidModel;

  async load(): Promise<this> {
    if (!this.model) {
      const model = await getLIDModel();
      await model.load();
      this.model = model;
    }
    return this;
  }

  async detect(text: string, prior?: string): Promise<LanguageResult> {
    if (!this.model) throw new Error('LanguageDetector.load() must be awaited first');
    const cleaned = text.replace(/\s+/g, ' ').trim();
    if (!cleaned) return { code: prior ?? 'en', confidence: prior ? 0.5 : 0.1, source: prior ? 'rules' : 'model' };
    const { alpha2, possibility } = await this.model.identify(cleaned);
    const code = alpha2 ?? 'und';
    if (prior && code !== prior && possibility < 0.6) return { code: prior, confidence: 0.6, source: 'rules' };
    return { code, confidence: round(possibility), source: 'model' };
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;
