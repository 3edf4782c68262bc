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
import { SENTIMENT_PROCESSORS } from './processors';

@Module({
  imports: [SmartdeskConfigModule, DatabaseModule, QueueModule.forRoot('worker'), BullModule.registerQueue({ name: QueueName.Sentiment }, { name: QueueName.SentimentTraining })],
  providers: [
    ...SENTIMENT_PROCESSORS,
    SentimentModelRegistry,
    CustomerLanguageRepository,
    LanguagePriorService,
    { provide: LanguageDetector, useFactory: () => new LanguageDetector() },
    { provide: SentimentAnalyzer, useFactory: () => new SentimentAnalyzer() },
  ],
})
export class SentimentWorkerModule {}
