import { BrokenCircuitError } from 'cockatiel';
import { configureLlmBreaker, createChatModel, invokeWithin } from '@smartdesk/llm';
import { llmBreakerState, llmCalls } from '@smartdesk/observability';
import { FakeOpenAI, startFakeOpenAI } from '../support/fake-openai-server';
import { waitFor } from '../support/wait-for';

const KEY = 'sk-breaker-test';

/** The LLM circuit breaker against a real (fake) OpenAI-compatible server that hangs, then recovers. */
describe('observability: LLM circuit breaker', () => {
  let fake: FakeOpenAI;

  beforeAll(async () => {
    fake = await startFakeOpenAI(KEY);
  });
  afterAll(() => fake?.close());

  const model = () => createChatModel({ LLM_PROVIDER: 'openai', LLM_MODEL: 'fake-chat', LLM_TIMEOUT_MS: 400, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: fake.url });
  const ask = () => invokeWithin('grounded-answer', model()!, 'Where is my parcel?', 400);
  const shortCircuited = async () => (await llmCalls.get()).values.find((v) => v.labels.outcome === 'short-circuited')?.value ?? 0;

  it('opens after N timeouts: the next call fails at once without reaching the server, and a trial call later closes it', async () => {
    configureLlmBreaker({ failures: 2, halfOpenAfterMs: 300 });
    fake.scriptChat(() => ({ hang: true }));
    const before = fake.chatRequests.length;
    await expect(ask()).rejects.toThrow();
    await expect(ask()).rejects.toThrow();
    expect(fake.chatRequests.length - before).toBe(2);
    expect((await llmBreakerState.get()).values[0].value).toBe(1);

    // During the outage the next job does not wait the timeout: the breaker refuses before any request is sent.
    const refusedBefore = await shortCircuited();
    await expect(ask()).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(fake.chatRequests.length - before).toBe(2);
    expect(await shortCircuited()).toBe(refusedBefore + 1);

    // The server recovers: once half-open, one trial call goes through and closes the breaker.
    fake.scriptChat(() => ({ content: 'It ships today.' }));
    const answer = await waitFor(() => ask().catch(() => undefined), 5_000, 'a trial call after the half-open interval');
    expect(answer.content).toBe('It ships today.');
    expect((await llmBreakerState.get()).values[0].value).toBe(0);
  });
});
