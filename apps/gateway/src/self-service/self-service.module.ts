import { Module } from '@nestjs/common';
import { DeflectionEventsService } from './deflection-events.service';
import { KbSuggestionsService } from './kb-suggestions.service';
import { SelfServiceController } from './self-service.controller';

/** The portal's self-service: article suggestions while a customer types, articles to read, deflection counts. */
@Module({
  controllers: [SelfServiceController],
  providers: [KbSuggestionsService, DeflectionEventsService],
})
export class SelfServiceModule {}
