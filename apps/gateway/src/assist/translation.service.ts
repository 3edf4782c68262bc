import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TicketEntity } from '@smartdesk/database';
import { translateText } from '@smartdesk/llm';
import type { Principal } from '../auth/principal';
import { invalidFields } from '../common/invalid-fields';
import { TicketChanges } from '../tickets/ticket-changes.service';
import { AssistModel } from './assist-model.service';
import { machineTextView } from './dto/machine-text.view';
import { TranslateDto, TranslatedText, TranslationsView } from './dto/translate.dto';
import { MachineTextStore } from './machine-text.store';
import { openingText, ThreadMessage, ticketMessages } from './ticket-thread';

interface TranslationInput {
  of: TranslatedText;
  id: string | null;
  body: string;
}

/** Machine translation for staff: a ticket's messages into the agent's language, a reply draft into the customer's. */
@Injectable()
export class TranslationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TicketChanges,
    private readonly model: AssistModel,
    private readonly store: MachineTextStore,
  ) {}

  async translate(principal: Principal, ticketId: string, dto: TranslateDto): Promise<TranslationsView> {
    if (dto.messageIds && dto.text !== undefined) {
      throw invalidFields([{ field: 'text', problems: ['send either messageIds or text, not both'] }]);
    }
    const ticket = await this.changes.findVisible(this.dataSource.manager, principal, ticketId);
    const inputs: TranslationInput[] = dto.text !== undefined ? [{ of: 'draft', id: null, body: dto.text }] : await this.toTranslate(ticket, dto.messageIds);
    const translations = await this.model.run('translation', (model, timeoutMs) =>
      Promise.all(
        inputs.map(async (input) => {
          const key = { ticketId, kind: 'translation' as const, input: input.body, targetLanguage: dto.targetLanguage, model: this.model.name };
          const stored = await this.store.findOrWrite(key, input.id, () => translateText(model, { text: input.body, targetLanguage: dto.targetLanguage }, timeoutMs));
          return { of: input.of, messageId: input.id, ...machineTextView(stored, this.model.name, dto.targetLanguage) };
        }),
      ),
    );
    return { ticketId, translations };
  }

  /** The named messages, which must all be this ticket's (nothing of another ticket goes into its prompt), or all the customer wrote. */
  private async toTranslate(ticket: TicketEntity, messageIds?: string[]): Promise<TranslationInput[]> {
    const messages = await ticketMessages(this.dataSource, ticket.id);
    const asInput = (message: ThreadMessage): TranslationInput => ({ of: 'message', id: message.id, body: message.body });
    if (!messageIds) return [{ of: 'opening', id: null, body: openingText(ticket) }, ...messages.filter((message) => message.kind === 'customer').map(asInput)];
    const unknown = messageIds.filter((id) => !messages.some((message) => message.id === id));
    if (unknown.length) throw new UnprocessableEntityException(`ticket ${ticket.id} has no message ${unknown.join(', ')}`);
    return messages.filter((message) => messageIds.includes(message.id)).map(asInput);
  }
}
