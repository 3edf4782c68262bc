import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How many of a customer's latest tickets vote on their usual language. */
const RECENT_TICKETS = 10;

/** The language a customer usually writes in, from the `language` column of their earlier tickets. */
@Injectable()
export class CustomerLanguageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The most frequent language among the customer's latest tickets before `before` (ties: the most recent); e-mail case is ignored. */
  async usualLanguage(customerEmail: string, before: Date): Promise<string | undefined> {
    // Served by idx_tickets_customer_email (lower(customer_email), created_at DESC).
    const [row] = await this.dataSource.query(
      `SELECT language FROM (
         SELECT language, created_at FROM tickets
         WHERE lower(customer_email) = lower($1) AND created_at < $2 AND language IS NOT NULL AND language <> 'und'
         ORDER BY created_at DESC LIMIT $3
       ) recent
       GROUP BY language ORDER BY count(*) DESC, max(created_at) DESC LIMIT 1`,
      [customerEmail, before, RECENT_TICKETS],
    );
    return row?.language;
  }
}
