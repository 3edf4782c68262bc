import { DataSource } from 'typeorm';
import { TicketEntity } from '@smartdesk/database';
import { CustomerLanguageRepository } from '../../apps/sentiment-worker/src/customer-language.repository';
import { LanguagePriorService } from '../../apps/sentiment-worker/src/language-prior.service';
import { DatabaseContext, databaseContext } from './helpers/database-context';

/** The sentiment worker's language prior on a real Postgres: profile language first, then the customer's earlier tickets. */
describe('LanguagePriorService', () => {
  let context: DatabaseContext | undefined;
  let priors: LanguagePriorService;
  let dataSource: DataSource;
  let clock = Date.parse('2025-03-01T09:00:00Z');

  beforeAll(async () => {
    context = await databaseContext('int_language_prior', [CustomerLanguageRepository, LanguagePriorService]);
    priors = context.app.get(LanguagePriorService);
    dataSource = context.dataSource;
  }, 60_000);

  afterAll(() => context?.close());

  /** A ticket as the sentiment worker left it, created a minute after the previous one. */
  const ticket = async (customerEmail: string, language: string | null, metadata: Record<string, unknown> = {}) => {
    clock += 60_000;
    const repository = dataSource.getRepository(TicketEntity);
    const saved = await repository.save(repository.create({ customerName: 'Customer', customerEmail, subject: 'Re: 4471', description: 'ok', metadata, language, createdAt: new Date(clock) }));
    return (await repository.findOneBy({ id: saved.id }))!;
  };

  it('has no prior for a first-time customer without a profile language', async () => {
    expect(await priors.priorFor(await ticket('new.customer@example.com', null))).toBeUndefined();
  });

  it("takes the most frequent language of the customer's earlier tickets, whatever the e-mail's case", async () => {
    await ticket('marie.dupont@example.fr', 'fr');
    await ticket('Marie.Dupont@Example.FR', 'fr');
    await ticket('marie.dupont@example.fr', 'en');
    await ticket('someone.else@example.com', 'de');
    await ticket('someone.else@example.com', 'de');
    await ticket('someone.else@example.com', 'de');
    expect(await priors.priorFor(await ticket('MARIE.DUPONT@example.fr', null))).toEqual({ code: 'fr', basis: 'history' });
  });

  it('breaks a tie with the most recent ticket, and counts only tickets written before this one', async () => {
    await ticket('hans.meier@example.ch', 'it');
    await ticket('hans.meier@example.ch', 'de');
    const current = await ticket('hans.meier@example.ch', 'it');
    await ticket('hans.meier@example.ch', 'it');
    // Earlier tickets: one "it", one "de"; neither the ticket itself nor a later one votes.
    expect(await priors.priorFor(current)).toEqual({ code: 'de', basis: 'history' });
  });

  it('skips tickets whose language is unknown', async () => {
    await ticket('ana.souza@example.br', 'pt');
    await ticket('ana.souza@example.br', null);
    await ticket('ana.souza@example.br', 'und');
    await ticket('ana.souza@example.br', 'und');
    expect(await priors.priorFor(await ticket('ana.souza@example.br', null))).toEqual({ code: 'pt', basis: 'history' });
  });

  it('prefers a valid profile language or locale over the history', async () => {
    await ticket('kenji@example.jp', 'en');
    expect(await priors.priorFor(await ticket('kenji@example.jp', null, { locale: 'ja-JP' }))).toEqual({ code: 'ja', basis: 'profile' });
    expect(await priors.priorFor(await ticket('kenji@example.jp', null, { language: 'japanese' }))).toEqual({ code: 'en', basis: 'history' });
  });

  it("looks only at the customer's latest ten tickets", async () => {
    for (let i = 0; i < 9; i++) await ticket('long.time@example.com', 'es');
    for (let i = 0; i < 6; i++) await ticket('long.time@example.com', 'en');
    // Nine Spanish tickets overall against six English, but the latest ten hold six English and four Spanish.
    expect(await priors.priorFor(await ticket('long.time@example.com', null))).toEqual({ code: 'en', basis: 'history' });
  });

  it('is served by the customer e-mail index', async () => {
    await dataSource.query('ANALYZE tickets');
    await dataSource.query('SET enable_seqscan = off');
    const [plan] = await dataSource.query(`EXPLAIN (FORMAT JSON) SELECT id FROM tickets WHERE lower(customer_email) = lower($1) ORDER BY created_at DESC LIMIT 10`, ['marie.dupont@example.fr']);
    await dataSource.query('RESET enable_seqscan');
    expect(JSON.stringify(plan)).toContain('idx_tickets_customer_email');
  });
});
