import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { AnswerQuestionData, AssistantAnswer, JobName, QueueName } from '@smartdesk/contracts';
import { articleSteps, articleSummary, customerSource, KnowledgeHit, KnowledgeRetrieverService, mergeHits, phrasesFor, retrievalConfidence, SolvedTicketRetriever } from '@smartdesk/knowledge';
import { LanguageDetector, SUPPORTED_LANGUAGES } from '@smartdesk/nlp';
import { maskSensitive } from '@smartdesk/privacy';
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
    private readonly solvedTickets: SolvedTicketRetriever,
    private readonly languages: LanguageDetector,
    private readonly env: Environment,
    @Inject(EMBEDDING_PROVIDER) private readonly embeddings: EmbeddingProvider,
  ) {
    super();
  }

  override async prepare(): Promise<void> {
    await this.languages.load();
  }

  /**
   * The best of the kb articles and the solved tickets. A solved ticket is only ever read in its generalized form
   * (SolvedTicketRetriever: no name, email, phone, order, card or credential data of the customer who asked), and
   * only in the question's language, so an answer never mixes languages.
   */
  async answer({ question, languageHint }: AnswerQuestionData): Promise<AssistantAnswer> {
    const language = this.languageOf(question, languageHint);
    // Masked before it is embedded: the embedding provider may be a remote service.
    const text = maskSensitive(question);
    const [embedding] = await this.embeddings.embed([text]);
    const query = { text, embedding, language };
    const [articles, solved] = await Promise.all([this.retriever.search(query), this.solvedTickets.search(query)]);
    const hits = mergeHits(
      articles,
      solved.filter((hit) => hit.ticket.language === language),
    );
    const confidence = retrievalConfidence(hits);
    const citations = hits.map(customerSource);
    if (hits.length === 0 || confidence < this.env.RESPONSE_MIN_CONFIDENCE) return { language, answered: false, body: '', confidence, source: 'rules', citations };
    return { language, answered: true, body: quoteBest(hits[0], language), confidence, source: 'rules', citations };
  }

  /** One of the languages the product replies in; anything else is answered in English. */
  private languageOf(question: string, hint: string | undefined): string {
    const { code } = this.languages.detect(question, hint ? { code: hint, basis: 'history' } : undefined);
    return (SUPPORTED_LANGUAGES as readonly string[]).includes(code) ? code : 'en';
  }
}

/** The best source quoted, never paraphrased: an article's steps (or summary) and where it is, or a generalized resolution. */
function quoteBest(best: KnowledgeHit, language: string): string {
  const phrases = phrasesFor(language);
  if (best.kind === 'ticket') return `${phrases.solvedSimilar}\n${best.ticket.resolution}`;
  const steps = articleSteps(best.article.body);
  const lines = steps.length > 0 ? [phrases.steps, ...steps.map((step, i) => `${i + 1}. ${step}`)] : [articleSummary(best.article.body)];
  return [...lines, '', `${phrases.source}: ${best.article.title} [${best.article.path}]`].join('\n');
}
