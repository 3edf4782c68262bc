import { Module } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { AttachmentStore, LocalAttachmentStore } from './attachment-store';
import { Attachments } from './attachments.service';
import { S3AttachmentStore } from './s3-attachment-store';

/** The store ATTACHMENTS_STORE names; nothing else knows which one it is. */
export function attachmentStoreFor(env: Environment): AttachmentStore {
  return env.ATTACHMENTS_STORE === 's3' ? new S3AttachmentStore(env) : new LocalAttachmentStore(env.ATTACHMENTS_DIR);
}

/** Attachment storage for the gateway and the mail worker (a local directory, or an S3-compatible bucket). */
@Module({
  providers: [{ provide: AttachmentStore, inject: [Environment], useFactory: attachmentStoreFor }, Attachments],
  exports: [Attachments],
})
export class AttachmentsModule {}
