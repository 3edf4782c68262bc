import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsController } from './events.controller';
import { LiveFeed } from './live-feed.service';

@Module({ imports: [AuthModule], controllers: [EventsController], providers: [LiveFeed] })
export class EventsModule {}
