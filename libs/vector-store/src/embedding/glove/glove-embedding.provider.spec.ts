import { join } from 'node:path';
import { GloveEmbeddingProvider } from './glove-embedding.provider';

/** The real word vectors from the npm package (the cache is built on the first run, a few seconds). */
describe('GloveEmbeddingProvider', () => {
  let provider: GloveEmbeddingProvider;
  const similarity = (a: string, b: string) => {
    const [x, y] = [provider.embedOne(a), provider.embedOne(b)];
    return x.reduce((sum, value, i) => sum + value * y[i], 0);
  };

  beforeAll(async () => {
    provider = await GloveEmbeddingProvider.load(join(__dirname, '../../../../../.data/embeddings'));
  }, 120_000);

  it('names its collection and gives unit vectors of 100 semantic + 768 lexical dimensions', async () => {
    expect(provider.id).toBe('glove-sif-v2');
    expect(provider.dimension).toBe(868);
    const [vector] = await provider.embed(['Where is my parcel?']);
    expect(vector).toHaveLength(868);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 6);
  });

  it('relates paraphrases that share no content word', () => {
    const paraphrase = similarity('my card has not arrived yet', 'still waiting for the new debit card to be delivered');
    const unrelated = similarity('my card has not arrived yet', 'how do I change my account password');
    expect(paraphrase).toBeGreaterThan(unrelated + 0.1);
    expect(similarity('refund for the broken laptop', 'I want my money back for a damaged computer')).toBeGreaterThan(similarity('refund for the broken laptop', 'what are your opening hours'));
  });

  it('keeps exact terms and typos through the lexical half', () => {
    expect(similarity('VPN error 809', 'vpn error 809 when connecting')).toBeGreaterThan(0.5);
    expect(similarity('pasword reset', 'password reset')).toBeGreaterThan(similarity('pasword reset', 'parcel tracking'));
  });

  it('still embeds text without a known English word, from its lexical features alone', async () => {
    const [a, b] = await provider.embed(['渋谷区神南一丁目', '渋谷区神南']);
    expect(Math.hypot(...a)).toBeCloseTo(1, 6);
    expect(a.slice(0, 100).every((value) => value === 0)).toBe(true);
    expect(a.reduce((sum, value, i) => sum + value * b[i], 0)).toBeGreaterThan(0.5);
  });

  it('meets a question in another language with the English text that answers it', () => {
    const article = 'Lost or damaged parcel: what to do when your package never arrived or arrived broken';
    for (const question of ['Mein Paket ist nicht angekommen', 'Mi paquete no ha llegado', '包裹一直没到', '荷物が届きません']) {
      expect(similarity(question, article)).toBeGreaterThan(similarity(question, 'How to change the email address of your account') + 0.1);
    }
  });
});
