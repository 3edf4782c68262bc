import { Module } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { AttachmentStore, LocalAttachmentStore } from './attachment-store';
import { Attachments } from './attachments.service';

/** Attachment storage for the gateway and the mail worker (a local directory, ATTACHMENTS_DIR). */
@Module({
  providers: [{ provide: AttachmentStore, inject: [Environment], useFactory: (env: Environment) => new LocalAttachmentStore(env.ATTACHMENTS_DIR) }, Attachments],
  exports: [Attachments],
})
export class AttachmentsModule {}
