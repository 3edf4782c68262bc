import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { LiveFeed } from './live-feed.service';

@Module({ controllers: [EventsController], providers: [LiveFeed] })
export class EventsModule {}
