import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, QueueName, SentimentStageResult, Stage, TicketJobData } from '@smartdesk/contracts';
import { TicketStageStore } from '@smartdesk/database';
import { LanguageDetector, SentimentAnalyzer } from '@smartdesk/nlp';
import { JobHandlers, StageProcessor, workerOptions } from '@smartdesk/runtime';
import { LanguagePriorService } from './language-prior.service';
import { SentimentModelRegistry } from './sentiment-model.registry';

/** The rules' strongest cues explain their label. */
const EXPLAINED_CUES = 5;

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
    private readonly models: SentimentModelRegistry,
  ) {
    super();
  }

  /** The active trained model (if any) is loaded before the first ticket, and swapped whenever another is activated. */
  override async prepare(): Promise<void> {
    await this.languages.load();
    await this.models.start();
  }

  private async analyze(data: TicketJobData, job: Job): Promise<{ label: string; language: string }> {
    const { work } = await this.runStage(data, job, async (ticket) => {
      const text = `${ticket.subject}\n${ticket.description}`;
      // The customer's usual language is looked up only for texts too short or too ambiguous to settle.
      const identified = this.languages.identify(text);
      const language = identified.settled ? identified.result : this.languages.withPrior(identified, await this.priors.priorFor(ticket));
      const sentiment = this.analyzeSentiment(text, language.code);
      const result: SentimentStageResult = { ...sentiment, language };
      return {
        result,
        // A sentiment an agent already confirmed is theirs: a late or repeated analysis does not overwrite it.
        ticketPatch: { ...(ticket.sentimentConfirmedAt ? {} : { sentimentLabel: sentiment.label }), sentimentScore: sentiment.score, language: language.code },
        event: {
          type: 'sentiment-analyzed',
          summary: `Sentiment ${sentiment.label} (${Math.round(sentiment.confidence * 100)}%, ${sentiment.modelVersion ? `model v${sentiment.modelVersion}` : 'rules'}, score ${sentiment.score.toFixed(2)}), language ${language.code} (${Math.round(language.confidence * 100)}%)`,
          data: { label: sentiment.label, score: sentiment.score, language: language.code, cues: sentiment.cues, source: sentiment.source, modelVersion: sentiment.modelVersion },
        },
      };
    });
    return { label: work.result.label, language: work.result.language.code };
  }

  /**
   * The trained model's label once one is active (source 'model'), else the rules' (source 'rules'). Either
   * way the rules' polarity, cues and signals are reported: escalation reads the score, agents the cues.
   */
  private analyzeSentiment(text: string, language: string): Omit<SentimentStageResult, 'language'> {
    const trained = this.models.trained;
    if (trained) return { ...trained.model.analyze(text, language), modelVersion: trained.version };
    const rules = this.sentiment.analyze(text, language);
    return { ...rules, modelVersion: 0, explanation: rules.cues.slice(0, EXPLAINED_CUES) };
  }
}
