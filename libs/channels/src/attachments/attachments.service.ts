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
    private readonly bytes: AttachmentStore,
  ) {}

  /** Checks every file, then stores the bytes and records the rows in the caller's transaction. */
  async save(manager: EntityManager, files: NewAttachment[]): Promise<AttachmentEntity[]> {
    return this.record(manager, await this.store(files));
  }

  /**
   * Checks every file before storing any (a refused file leaves nothing written), then writes the bytes. The rows
   * are written by record(): a caller that cannot write them in the transaction of its change (ticket intake) stores
   * the bytes before its change, so a store that fails fails the request before anything is committed.
   */
  async store(files: NewAttachment[]): Promise<AttachmentEntity[]> {
    const types = files.map((file) => checkAttachment(file, this.env));
    const rows: AttachmentEntity[] = [];
    for (const [i, file] of files.entries()) {
      const id = randomUUID();
      const storageKey = `${file.ticketId}/${id}`;
      await this.bytes.put(storageKey, file.bytes);
      rows.push(
        Object.assign(new AttachmentEntity(), {
          id,
          ticketId: file.ticketId,
          ticketMessageId: file.ticketMessageId,
          filename: cleanFilename(file.filename),
          contentType: types[i],
          size: file.bytes.length,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          storageKey,
          uploadedBy: file.uploadedBy,
        }),
      );
    }
    return rows;
  }

  async record(manager: EntityManager, rows: AttachmentEntity[]): Promise<AttachmentEntity[]> {
    return rows.length ? manager.save(rows) : [];
  }

  read(attachment: AttachmentEntity): Promise<Buffer> {
    return this.bytes.read(attachment.storageKey);
  }

  /** Rejects when the store cannot take files now (a missing bucket, wrong keys, a read-only directory). */
  checkStore(): Promise<void> {
    return this.bytes.check();
  }
}
