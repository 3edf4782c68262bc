import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AttachmentsModule as AttachmentStorageModule } from '@smartdesk/channels';
import { Environment } from '@smartdesk/config';
import { TicketsModule } from '../tickets/tickets.module';
import { AttachmentsController, MAX_FILES } from './attachments.controller';
import { TicketAttachments } from './ticket-attachments.service';

@Module({
  imports: [
    TicketsModule,
    AttachmentStorageModule,
    // In memory, bounded per file: multer stops reading a larger file and the request is answered 413.
    MulterModule.registerAsync({ inject: [Environment], useFactory: (env: Environment) => ({ limits: { fileSize: env.ATTACHMENT_MAX_BYTES, files: MAX_FILES } }) }),
  ],
  controllers: [AttachmentsController],
  providers: [TicketAttachments],
})
export class AttachmentsModule {}
