import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Stage } from '@smartdesk/contracts';
import { TicketEntity, TicketRatingEntity, TicketStageStore, transactionAs } from '@smartdesk/database';
import { LiveEvents } from '@smartdesk/operations';
import { auditActor, Principal } from '../auth/principal';
import { conflictOnUnique } from '../common/unique-violation';
import { RateTicketDto } from './dto/rate-ticket.dto';
import { TicketChanges } from './ticket-changes.service';

/** Customer satisfaction: a customer rates their resolved (or closed) ticket, once. */
@Injectable()
export class TicketRatings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TicketChanges,
    private readonly store: TicketStageStore,
    private readonly live: LiveEvents,
  ) {}

  async rate(principal: Principal, ticketId: string, dto: RateTicketDto): Promise<TicketRatingEntity> {
    const rating = await transactionAs(this.dataSource, auditActor(principal), async (manager) => {
      const ticket = await this.changes.findVisible(manager, principal, ticketId, true);
      if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
        throw new ConflictException({ statusCode: 409, error: 'Conflict', message: `ticket ${ticketId} is ${ticket.status}: only a resolved or closed ticket can be rated`, status: ticket.status });
      }
      const inserted = await manager
        .insert(TicketRatingEntity, { ticketId, customerId: principal.userId, score: dto.score, comment: dto.comment ?? null })
        .catch(conflictOnUnique(`ticket ${ticketId} has been rated already`));
      // The score on the ticket too, for the statistics (not a change of its version).
      await manager.update(TicketEntity, { id: ticketId }, { rating: dto.score });
      await this.store.appendEvent(
        { ticketId, stage: Stage.Customer, type: 'rated', summary: `Rated ${dto.score}/5 by the customer`, data: { score: dto.score }, dedupeKey: `${ticketId}.rated` },
        manager,
      );
      return manager.findOneByOrFail(TicketRatingEntity, { id: inserted.identifiers[0].id });
    });
    await this.live.ticketChanged(ticketId, 'rated', true);
    return rating;
  }
}
