import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { isSolved, SOLVED_STATUSES, TicketEntity } from '@smartdesk/database';
import { ChromaService } from '@smartdesk/vector-store';
import { GENERALIZATION_VERSION, SOLVED_TICKETS_PURPOSE, solvedTicketDocument } from './solved-ticket';

/** Tickets read from Postgres per Chroma upsert when catching up. */
const BATCH = 200;

/**
 * Keeps the solved-tickets collection equal to the tickets that are resolved or closed with a
 * resolution: one ticket after each change (a job from the gateway's outbox), all of them at boot.
 */
@Injectable()
export class SolvedTicketIndexer {
  private readonly logger = new Logger(SolvedTicketIndexer.name);

  constructor(
    private readonly chroma: ChromaService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Makes the index match the ticket as it is now; a job that runs late or twice does no harm. */
  async sync(ticketId: string): Promise<'indexed' | 'removed'> {
    const ticket = await this.dataSource.getRepository(TicketEntity).findOneBy({ id: ticketId });
    if (ticket && isSolved(ticket)) {
      await this.upsert([ticket]);
      return 'indexed';
    }
    await this.chroma.deleteWhere(SOLVED_TICKETS_PURPOSE, { ticketId });
    return 'removed';
  }

  /**
   * Adds solved tickets the collection lacks (a new embedding provider, a wiped Chroma volume) and
   * removes entries of tickets no longer solved. Entries generalized by an older version are rewritten. Edits made
   * while no worker ran are already queued as jobs.
   */
  async reconcile(): Promise<{ indexed: number; removed: number }> {
    const indexed = new Set<string>();
    const current = new Set<string>();
    for await (const page of this.chroma.scan(SOLVED_TICKETS_PURPOSE)) {
      for (const record of page) {
        indexed.add(record.id);
        if (record.metadata.generalization === GENERALIZATION_VERSION) current.add(record.id);
      }
    }
    const solved: { id: string }[] = await this.solvedTickets().select('t.id', 'id').getRawMany();
    const missing = solved.map((row) => row.id).filter((id) => !current.has(id));
    const stale = new Set(indexed);
    solved.forEach((row) => stale.delete(row.id));
    for (let start = 0; start < missing.length; start += BATCH) {
      await this.upsert(await this.dataSource.getRepository(TicketEntity).findBy({ id: In(missing.slice(start, start + BATCH)) }));
    }
    if (stale.size > 0) await this.chroma.deleteWhere(SOLVED_TICKETS_PURPOSE, { ticketId: { $in: [...stale] } });
    const report = { indexed: missing.length, removed: stale.size };
    this.logger.log(`solved tickets reconciled: ${solved.length} solved, ${JSON.stringify(report)}`);
    return report;
  }

  private solvedTickets() {
    return this.dataSource.getRepository(TicketEntity).createQueryBuilder('t').where('t.status IN (:...statuses)', { statuses: SOLVED_STATUSES }).andWhere(`btrim(coalesce(t.resolution, '')) <> ''`);
  }

  private upsert(tickets: TicketEntity[]): Promise<void> {
    return this.chroma.upsert(
      SOLVED_TICKETS_PURPOSE,
      tickets.map((ticket) => ({
        id: ticket.id,
        document: solvedTicketDocument(ticket),
        metadata: { ticketId: ticket.id, number: ticket.number, category: ticket.category ?? 'other', language: ticket.language ?? 'en', generalization: GENERALIZATION_VERSION },
      })),
    );
  }
}
