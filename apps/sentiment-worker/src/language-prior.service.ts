import { Injectable } from '@nestjs/common';
import type { TicketEntity } from '@smartdesk/database';
import type { LanguagePrior } from '@smartdesk/nlp';
import { CustomerLanguageRepository } from './customer-language.repository';
import { profileLanguage } from './profile-language';

/** What language a ticket's customer is expected to write: their profile's, else that of their earlier tickets. */
@Injectable()
export class LanguagePriorService {
  constructor(private readonly customers: CustomerLanguageRepository) {}

  async priorFor(ticket: TicketEntity): Promise<LanguagePrior | undefined> {
    const profile = profileLanguage(ticket.metadata);
    if (profile) return { code: profile, basis: 'profile' };
    const usual = await this.customers.usualLanguage(ticket.customerEmail, ticket.createdAt);
    return usual ? { code: usual, basis: 'history' } : undefined;
  }
}
