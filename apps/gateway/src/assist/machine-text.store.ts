import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type MachineTextKind = 'translation' | 'summary';

export interface MachineTextKey {
  ticketId: string;
  kind: MachineTextKind;
  /** Everything that went into the prompt besides the language and model: an edited input is a new entry. */
  input: string;
  targetLanguage: string;
  model: string;
}

export interface StoredMachineText {
  body: string;
  createdAt: Date;
  cached: boolean;
}

const inputHash = (input: string) => createHash('sha256').update(input).digest('hex');

/** What the LLM wrote for one ticket, by prompt input, language and model (the machine_texts table). */
@Injectable()
export class MachineTextStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(key: MachineTextKey): Promise<StoredMachineText | undefined> {
    const [row]: { body: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT body, created_at FROM machine_texts WHERE ticket_id = $1 AND kind = $2 AND input_hash = $3 AND target_language = $4 AND model = $5`,
      [key.ticketId, key.kind, inputHash(key.input), key.targetLanguage, key.model],
    );
    return row && { body: row.body, createdAt: row.created_at, cached: true };
  }

  /** The cached text, or what `write` writes, stored. Two agents asking at once may both pay once; the first stored wins. */
  async findOrWrite(key: MachineTextKey, messageId: string | null, write: () => Promise<string>): Promise<StoredMachineText> {
    const known = await this.find(key);
    if (known) return known;
    const body = await write();
    const inserted: { body: string; created_at: Date }[] = await this.dataSource.query(
      `INSERT INTO machine_texts (ticket_id, kind, message_id, input_hash, target_language, model, body) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT uq_machine_texts_input DO NOTHING RETURNING body, created_at`,
      [key.ticketId, key.kind, messageId, inputHash(key.input), key.targetLanguage, key.model, body],
    );
    if (inserted.length) return { body: inserted[0].body, createdAt: inserted[0].created_at, cached: false };
    return (await this.find(key)) ?? { body, createdAt: new Date(), cached: false };
  }
}
