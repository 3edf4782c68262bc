import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SmartdeskConfigModule } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { DatabaseModule } from '@smartdesk/database';
import { LanguageDetector, SentimentAnalyzer } from '@smartdesk/nlp';
import { QueueModule } from '@smartdesk/runtime';
import { CustomerLanguageRepository } from './customer-language.repository';
import { LanguagePriorService } from './language-prior.service';
import { SentimentModelRegistry } from './sentiment-model.registry';
import { SentimentProcessor } from './sentiment.processor';
import { TrainSentimentProcessor } from './train-sentiment.processor';

@Module({
  imports: [
    SmartdeskConfigModule,
    DatabaseModule,
    QueueModule.forRoot('worker'),
    BullModule.registerQueue({ name: QueueName.Sentiment }, { name: QueueName.SentimentTraining }),
  ],
  providers: [
    SentimentProcessor,
    TrainSentimentProcessor,
    SentimentModelRegistry,
    CustomerLanguageRepository,
    LanguagePriorService,
    { provide: LanguageDetector, useFactory: () => new LanguageDetector() },
    { provide: SentimentAnalyzer, useFactory: () => new SentimentAnalyzer() },
  ],
})
export class SentimentWorkerModule {}
