import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, QueueName, SentimentStageResult, Stage, TicketJobData } from '@smartdesk/contracts';
import { TicketStageStore } from '@smartdesk/database';
import { LanguageDetector, SentimentAnalyzer } from '@smartdesk/nlp';
import { JobHandlers, StageProcessor, workerOptions } from '@smartdesk/runtime';
import { LanguagePriorService } from './language-prior.service';

/** Language first (the sentiment lexicon depends on it), then sentiment, as one stage. */
@Processor(QueueName.Sentiment, workerOptions(QueueName.Sentiment))
export class SentimentProcessor extends StageProcessor<typeof QueueName.Sentiment> {
  readonly queue = QueueName.Sentiment;
  readonly stage = Stage.Sentiment;
  protected readonly handlers: JobHandlers<typeof QueueName.Sentiment> = {
    [JobName.AnalyzeSentiment]: (data, job) => this.analyze(data, job),
  };

  constructor(
    protected readonly store: TicketStageStore,
    private readonly languages: LanguageDetector,
    private readonly priors: LanguagePriorService,
    private readonly sentiment: SentimentAnalyzer,
  ) {
    super();
  }

  override async prepare(): Promise<void> {
    await this.languages.load();
  }

  private async analyze({ ticketId, revision }: TicketJobData, job: Job): Promise<{ label: string; language: string }> {
    const ticket = await this.ticketOrFail(ticketId);
    const started = performance.now();
    const text = `${ticket.subject}\n${ticket.description}`;
    // The customer's usual language is looked up only for texts too short or too ambiguous to settle.
    const identified = this.languages.identify(text);
    const language = identified.settled ? identified.result : this.languages.withPrior(identified, await this.priors.priorFor(ticket));
    const sentiment = this.sentiment.analyze(text, language.code);
    const result: SentimentStageResult = { ...sentiment, language };
    await this.store.saveStageOutcome({
      ticketId,
      stage: this.stage,
      revision,
      result,
      durationMs: performance.now() - started,
      ticketPatch: { sentimentLabel: sentiment.label, sentimentScore: sentiment.score, language: language.code },
      event: {
        type: 'sentiment-analyzed',
        summary: `Sentiment ${sentiment.label} (score ${sentiment.score.toFixed(2)}), language ${language.code} (${Math.round(language.confidence * 100)}%)`,
        data: { label: sentiment.label, score: sentiment.score, language: language.code, cues: sentiment.cues },
        dedupeKey: String(job.id),
      },
    });
    return { label: sentiment.label, language: language.code };
  }
}
