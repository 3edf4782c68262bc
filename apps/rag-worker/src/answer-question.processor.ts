import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { AnswerQuestionData, AssistantAnswer, JobName, QueueName } from '@smartdesk/contracts';
import { articleSteps, articleSummary, KnowledgeHit, KnowledgeRetrieverService, phrasesFor, responseSource, retrievalConfidence } from '@smartdesk/knowledge';
import { LanguageDetector, SUPPORTED_LANGUAGES } from '@smartdesk/nlp';
import { JobHandlers, QueueProcessor, workerOptions } from '@smartdesk/runtime';
import { EMBEDDING_PROVIDER, EmbeddingProvider } from '@smartdesk/vector-store';

/**
 * Answers the assistant's questions where the retrieval already lives (embedding model, BM25 index,
 * Chroma client), so the gateway stays free of models: it queues the question and waits for this result.
 */
@Processor(QueueName.Assistant, workerOptions(QueueName.Assistant))
export class AnswerQuestionProcessor extends QueueProcessor<typeof QueueName.Assistant> {
  readonly queue = QueueName.Assistant;
  protected readonly handlers: JobHandlers<typeof QueueName.Assistant> = {
    [JobName.AnswerQuestion]: (data) => this.answer(data),
  };

  constructor(
    private readonly retriever: KnowledgeRetrieverService,
    private readonly languages: LanguageDetector,
    private readonly env: Environment,
    @Inject(EMBEDDING_PROVIDER) private readonly embeddings: EmbeddingProvider,
  ) {
    super();
  }

  override async prepare(): Promise<void> {
    await this.languages.load();
  }

  async answer({ question, languageHint }: AnswerQuestionData): Promise<AssistantAnswer> {
    const language = this.languageOf(question, languageHint);
    const [embedding] = await this.embeddings.embed([question]);
    const query = { text: question, embedding, language };
    // Articles only: a solved ticket's resolution was written to another customer and may carry their details.
    const hits: (KnowledgeHit & { kind: 'article' })[] = (await this.retriever.search(query)).map((hit) => ({ kind: 'article', ...hit }));
    const confidence = retrievalConfidence(hits);
    const citations = hits.map(responseSource);
    if (hits.length === 0 || confidence < this.env.RESPONSE_MIN_CONFIDENCE) return { language, answered: false, body: '', confidence, source: 'rules', citations };
    return { language, answered: true, body: quoteBest(hits[0], language), confidence, source: 'rules', citations };
  }

  /** One of the languages the product replies in; anything else is answered in English. */
  private languageOf(question: string, hint: string | undefined): string {
    const { code } = this.languages.detect(question, hint ? { code: hint, basis: 'history' } : undefined);
    return (SUPPORTED_LANGUAGES as readonly string[]).includes(code) ? code : 'en';
  }
}

/** The best article quoted, never paraphrased: its steps (or summary) and where it is. */
function quoteBest(best: KnowledgeHit & { kind: 'article' }, language: string): string {
  const phrases = phrasesFor(language);
  const steps = articleSteps(best.article.body);
  const lines = steps.length > 0 ? [phrases.steps, ...steps.map((step, i) => `${i + 1}. ${step}`)] : [articleSummary(best.article.body)];
  return [...lines, '', `${phrases.source}: ${best.article.title} [${best.article.path}]`].join('\n');
}
