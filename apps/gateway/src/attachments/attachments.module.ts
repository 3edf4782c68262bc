import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AttachmentsModule as AttachmentStorageModule, uploadLimits } from '@smartdesk/channels';
import { Environment } from '@smartdesk/config';
import { TicketsModule } from '../tickets/tickets.module';
import { AttachmentsController } from './attachments.controller';
import { TicketAttachments } from './ticket-attachments.service';

@Module({
  imports: [TicketsModule, AttachmentStorageModule, MulterModule.registerAsync({ inject: [Environment], useFactory: uploadLimits })],
  controllers: [AttachmentsController],
  providers: [TicketAttachments],
})
export class AttachmentsModule {}
