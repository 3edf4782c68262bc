import { Module } from '@nestjs/common';
import { LlmModule } from '@smartdesk/llm';
import { TicketsModule } from '../tickets/tickets.module';
import { AssistModel } from './assist-model.service';
import { MachineTextStore } from './machine-text.store';
import { SummaryController } from './summary.controller';
import { ThreadSummaryService } from './thread-summary.service';
import { TranslationsController } from './translations.controller';
import { TranslationService } from './translation.service';

/** LLM help for staff on a ticket: machine translation and thread summaries. */
@Module({
  imports: [TicketsModule, LlmModule],
  controllers: [TranslationsController, SummaryController],
  providers: [AssistModel, MachineTextStore, TranslationService, ThreadSummaryService],
})
export class AssistModule {}
