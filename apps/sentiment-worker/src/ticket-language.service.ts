import { Injectable } from '@nestjs/common';
import type { LanguageResult } from '@smartdesk/contracts';
import type { TicketEntity } from '@smartdesk/database';
import { LanguageDetector, LanguagePrior } from '@smartdesk/nlp';
import { CustomerLanguageRepository } from './customer-language.repository';
import { profileLanguage } from './profile-language';

/**
 * A ticket's language: fastText with script and alphabet rules, and, only when the text is too short or
 * too ambiguous to settle it, the customer's prior (profile language, else their earlier tickets).
 */
@Injectable()
export class TicketLanguageService {
  constructor(
    private readonly detector: LanguageDetector,
    private readonly customers: CustomerLanguageRepository,
  ) {}

  load(): Promise<LanguageDetector> {
    return this.detector.load();
  }

  async detect(ticket: TicketEntity, text: string): Promise<LanguageResult> {
    const identified = this.detector.identify(text);
    if (identified.settled) return identified.result;
    return this.detector.withPrior(identified, await this.priorFor(ticket));
  }

  private async priorFor(ticket: TicketEntity): Promise<LanguagePrior | undefined> {
    const profile = profileLanguage(ticket.metadata);
    if (profile) return { code: profile, basis: 'profile' };
    const usual = await this.customers.usualLanguage(ticket.customerEmail, ticket.id);
    return usual ? { code: usual, basis: 'history' } : undefined;
  }
}
