import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { AttachmentEntity } from '@smartdesk/database';
import { checkAttachment, cleanFilename } from './attachment-policy';
import { AttachmentStore } from './attachment-store';

export interface NewAttachment {
  ticketId: string;
  ticketMessageId: string | null;
  filename: string;
  contentType: string;
  bytes: Buffer;
  uploadedBy: string | null;
}

/**
 * Stores attachments: bytes in the attachment store, a row in the caller's transaction. The bytes go first, so a
 * committed row always has its file; a rolled-back transaction leaves an unreferenced file at worst. Attachments
 * are never read by the pipeline: triage, retrieval and the LLM see the ticket's text only.
 */
@Injectable()
export class Attachments {
  constructor(
    private readonly env: Environment,
    private readonly store: AttachmentStore,
  ) {}

  /** Checks every file before storing any: a refused file leaves nothing written. */
  async save(manager: EntityManager, files: NewAttachment[]): Promise<AttachmentEntity[]> {
    for (const file of files) checkAttachment({ filename: file.filename, contentType: file.contentType, size: file.bytes.length }, this.env);
    const saved: AttachmentEntity[] = [];
    for (const file of files) {
      const id = randomUUID();
      const storageKey = `${file.ticketId}/${id}`;
      await this.store.put(storageKey, file.bytes);
      const row = manager.create(AttachmentEntity, {
        id,
        ticketId: file.ticketId,
        ticketMessageId: file.ticketMessageId,
        filename: cleanFilename(file.filename),
        contentType: file.contentType.split(';')[0].trim().toLowerCase(),
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        uploadedBy: file.uploadedBy,
      });
      saved.push(await manager.save(row));
    }
    return saved;
  }

  read(attachment: AttachmentEntity): Promise<Buffer> {
    return this.store.read(attachment.storageKey);
  }
}
