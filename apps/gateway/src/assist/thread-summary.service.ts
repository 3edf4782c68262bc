import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MessageKind, TicketEntity } from '@smartdesk/database';
import { summarizeThread, ThreadAuthor, ThreadSummaryRequest } from '@smartdesk/llm';
import type { Principal } from '../auth/principal';
import { TicketChanges } from '../tickets/ticket-changes.service';
import { AssistModel } from './assist-model.service';
import { machineTextView } from './dto/machine-text.view';
import { SummaryView } from './dto/summary.dto';
import { MachineTextKey, MachineTextStore, StoredMachineText } from './machine-text.store';
import { ticketMessages } from './ticket-thread';

const AUTHORS: Record<MessageKind, ThreadAuthor> = { customer: 'customer', reply: 'agent', note: 'internal note' };
const DEFAULT_LANGUAGE = 'en';

/** A short summary of a ticket's thread for staff taking it over; it may draw on internal notes, so it is never for the customer. */
@Injectable()
export class ThreadSummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TicketChanges,
    private readonly model: AssistModel,
    private readonly store: MachineTextStore,
  ) {}

  /** The stored summary of the thread as it is now; reading never calls the model. */
  async read(principal: Principal, ticketId: string, language = DEFAULT_LANGUAGE): Promise<SummaryView> {
    const { key, request } = await this.prepare(principal, ticketId, language);
    const stored = await this.store.find(key);
    if (!stored) throw new NotFoundException(`ticket ${ticketId} has no summary of its current thread in ${language} yet: POST to write one`);
    return this.view(ticketId, stored, request);
  }

  /** The summary of the thread as it is now, written by the model unless it is stored already. */
  async write(principal: Principal, ticketId: string, language = DEFAULT_LANGUAGE): Promise<SummaryView> {
    const { key, request } = await this.prepare(principal, ticketId, language);
    const stored = await this.model.run('summary', (model, timeoutMs) => this.store.findOrWrite(key, null, () => summarizeThread(model, request, timeoutMs)));
    return this.view(ticketId, stored, request);
  }

  private async prepare(principal: Principal, ticketId: string, language: string): Promise<{ key: MachineTextKey; request: ThreadSummaryRequest }> {
    const ticket: TicketEntity = await this.changes.findVisible(this.dataSource.manager, principal, ticketId);
    const messages = [
      { author: AUTHORS.customer, text: ticket.description },
      ...(await ticketMessages(this.dataSource, ticketId)).map((message) => ({ author: AUTHORS[message.kind], text: message.body })),
    ];
    const request = { language, subject: ticket.subject, messages };
    return { key: { ticketId, kind: 'summary', input: JSON.stringify([request.subject, messages]), targetLanguage: language, model: this.model.name }, request };
  }

  private view(ticketId: string, stored: StoredMachineText, request: ThreadSummaryRequest): SummaryView {
    return { ticketId, ...machineTextView(stored, this.model.name, request.language), messageCount: request.messages.length, staffOnly: true };
  }
}
