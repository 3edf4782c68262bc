import { DataSource } from 'typeorm';
import { Stage } from '@smartdesk/contracts';
import { dataSourceOptions, MIGRATIONS, StageOutcome, TicketEntity, TicketEventEntity, TicketResponseEntity, TicketStageResultEntity, TicketStageStore } from '@smartdesk/database';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { DatabaseContext, databaseContext } from './helpers/database-context';

type CategoryResult = { confidence: number; source: 'model'; category: string };

/** Idempotent, transactional stage write-back (what every worker uses) and the migrations, on a real Postgres. */
describe('TicketStageStore', () => {
  let context: DatabaseContext | undefined;
  let store: TicketStageStore;
  let dataSource: DataSource;

  beforeAll(async () => {
    context = await databaseContext('int_stage_store');
    store = context.app.get(TicketStageStore);
    dataSource = context.dataSource;
  }, 60_000);

  afterAll(() => context?.close());

  const newTicket = async (subject = 'Charged twice') => {
    const repository = dataSource.getRepository(TicketEntity);
    return repository.save(repository.create({ customerName: 'Ana García', customerEmail: 'ana@example.com', subject, description: 'You charged me twice for order 5521.' }));
  };
  const categorization = (ticketId: string, revision: number, category: string, confidence = 0.8): StageOutcome<CategoryResult> => ({
    ticketId,
    stage: Stage.Categorization,
    revision,
    result: { confidence, source: 'model', category },
    durationMs: 12.5,
    ticketPatch: { category, categoryConfidence: confidence },
    event: { type: 'categorized', summary: `Categorized as ${category}`, dedupeKey: `${ticketId}.categorized.r${revision}` },
  });
  const resultsOf = (ticketId: string) => dataSource.getRepository(TicketStageResultEntity).findBy({ ticketId });
  const eventsOf = (ticketId: string) => dataSource.getRepository(TicketEventEntity).find({ where: { ticketId }, order: { id: 'ASC' } });
  const stageRow = async (ticketId: string, stage: string) => (await resultsOf(ticketId)).find((row) => row.stage === stage)!;
  const ticketOf = async (ticketId: string) => (await store.findTicket(ticketId))!;

  it('inserts a ticket through the repository with a generated id and number', async () => {
    const ticket = await newTicket();
    expect(ticket.id).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await ticketOf(ticket.id);
    expect(stored).toMatchObject({ status: 'new', revision: 1, channel: 'web', metadata: {}, category: null, number: expect.any(Number) });
  });

  it('writes the result, patches the ticket and appends one event; the same outcome again changes nothing', async () => {
    const ticket = await newTicket();
    const outcome = categorization(ticket.id, 1, 'billing');
    await store.saveStageOutcome(outcome);

    const results = await resultsOf(ticket.id);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ stage: 'categorization', revision: 1, result: outcome.result, source: 'model', durationMs: 12.5 });
    expect(results[0].confidence).toBeCloseTo(0.8, 5);
    const patched = await ticketOf(ticket.id);
    expect(patched.category).toBe('billing');
    expect(patched.categoryConfidence).toBeCloseTo(0.8, 5);
    const events = await eventsOf(ticket.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ stage: 'categorization', type: 'categorized', summary: 'Categorized as billing', dedupeKey: `${ticket.id}.categorized.r1` });
    expect(events[0].confidence).toBeCloseTo(0.8, 5);

    await store.saveStageOutcome(outcome);
    await store.saveStageOutcome(outcome);
    expect(await resultsOf(ticket.id)).toHaveLength(1);
    expect(await eventsOf(ticket.id)).toHaveLength(1);
    expect((await stageRow(ticket.id, 'categorization')).revision).toBe(1);
  });

  it('concurrent deliveries of the same outcome still leave one result and one event', async () => {
    const ticket = await newTicket();
    const outcome = categorization(ticket.id, 1, 'shipping');
    await Promise.all([1, 2, 3, 4].map(() => store.saveStageOutcome(outcome)));
    expect(await resultsOf(ticket.id)).toHaveLength(1);
    expect(await eventsOf(ticket.id)).toHaveLength(1);
  });

  it('a newer revision overwrites the result; an older one saved afterwards does not', async () => {
    const ticket = await newTicket();
    await store.saveStageOutcome(categorization(ticket.id, 1, 'billing', 0.6));
    await store.saveStageOutcome(categorization(ticket.id, 2, 'orders', 0.9));
    let row = await stageRow(ticket.id, 'categorization');
    expect(row).toMatchObject({ revision: 2, result: { category: 'orders' } });
    expect(row.confidence).toBeCloseTo(0.9, 5);

    // Revision 1 finishing late (a retried or stalled job).
    await store.saveStageOutcome(categorization(ticket.id, 1, 'returns_refunds', 0.5));
    row = await stageRow(ticket.id, 'categorization');
    expect(row).toMatchObject({ revision: 2, result: { category: 'orders' }, source: 'model' });
    expect(row.confidence).toBeCloseTo(0.9, 5);
    expect(await resultsOf(ticket.id)).toHaveLength(1);
    expect(await ticketOf(ticket.id)).toMatchObject({ category: 'orders' });
  });

  it('keeps one result row per stage', async () => {
    const ticket = await newTicket();
    await store.saveStageOutcome(categorization(ticket.id, 1, 'billing'));
    await store.saveStageOutcome({
      ticketId: ticket.id,
      stage: Stage.Sentiment,
      revision: 1,
      result: { confidence: 0.7, source: 'rules', label: 'negative', score: -0.6 },
      durationMs: 3,
      ticketPatch: { sentimentLabel: 'negative', sentimentScore: -0.6, language: 'es' },
      event: { type: 'sentiment-analyzed', summary: 'negative', dedupeKey: `${ticket.id}.sentiment.r1` },
    });
    expect((await resultsOf(ticket.id)).map((row) => row.stage).sort()).toEqual(['categorization', 'sentiment']);
    expect(await ticketOf(ticket.id)).toMatchObject({ category: 'billing', sentimentLabel: 'negative', language: 'es' });
    expect((await eventsOf(ticket.id)).map((event) => event.type)).toEqual(['categorized', 'sentiment-analyzed']);
  });

  it('writes what the effect writes in the same transaction; effects of one kind committed together take one call', async () => {
    const tickets = await Promise.all(['Hola', 'Hallo', 'Hello'].map((subject) => newTicket(subject)));
    const calls: number[] = [];
    await Promise.all(
      tickets.map((ticket) =>
        store.saveStageOutcome(categorization(ticket.id, 1, 'billing'), {
          kind: 'response',
          item: ticket.id,
          write: async (manager, ticketIds) => {
            calls.push(ticketIds.length);
            await manager.insert(
              TicketResponseEntity,
              ticketIds.map((ticketId) => ({ ticketId, revision: 1, body: 'Hola Ana', language: 'es', confidence: 0.7, source: 'rules' as const, needsHuman: false, sources: [] })),
            );
          },
        }),
      ),
    );
    for (const ticket of tickets) expect(await dataSource.getRepository(TicketResponseEntity).countBy({ ticketId: ticket.id })).toBe(1);
    expect(calls.reduce((sum, n) => sum + n, 0)).toBe(3);
    expect(calls.length).toBeLessThan(3);
  });

  it('rolls everything back when the effect throws: no result, no event, no patch, nothing of the effect', async () => {
    const ticket = await newTicket();
    const outcome = categorization(ticket.id, 1, 'billing');
    await expect(
      store.saveStageOutcome(outcome, {
        kind: 'response',
        item: null,
        write: async (manager) => {
          await manager.insert(TicketResponseEntity, {
            ticketId: ticket.id,
            revision: 1,
            body: 'half written',
            language: 'en',
            confidence: 0.5,
            source: 'rules',
            needsHuman: true,
            sources: [],
          });
          throw new Error('composer failed');
        },
      }),
    ).rejects.toThrow('composer failed');

    expect(await resultsOf(ticket.id)).toEqual([]);
    expect(await eventsOf(ticket.id)).toEqual([]);
    expect(await dataSource.getRepository(TicketResponseEntity).countBy({ ticketId: ticket.id })).toBe(0);
    const unpatched = await ticketOf(ticket.id);
    expect(unpatched.category).toBeNull();
    expect(unpatched.categoryConfidence).toBeNull();

    // A retry of the same outcome then goes through completely (the dedupe key was not used up).
    await store.saveStageOutcome(outcome);
    expect(await resultsOf(ticket.id)).toHaveLength(1);
    expect(await eventsOf(ticket.id)).toHaveLength(1);
    expect((await ticketOf(ticket.id)).category).toBe('billing');
  });

  it('outcomes saved at once commit together, each with its own result, columns and event', async () => {
    const tickets = await Promise.all(Array.from({ length: 20 }, (_, i) => newTicket(`Batch ${i}`)));
    const statements = jest.spyOn(dataSource, 'transaction');
    await Promise.all(tickets.map((ticket, i) => store.saveStageOutcome(categorization(ticket.id, 1, i % 2 ? 'billing' : 'shipping'))));
    // Twenty jobs in flight share far fewer transactions than one each.
    expect(statements.mock.calls.length).toBeLessThan(tickets.length / 2);
    statements.mockRestore();
    for (const [i, ticket] of tickets.entries()) {
      expect((await ticketOf(ticket.id)).category).toBe(i % 2 ? 'billing' : 'shipping');
      expect(await eventsOf(ticket.id)).toHaveLength(1);
      expect((await stageRow(ticket.id, 'categorization')).revision).toBe(1);
    }
  });

  it('one failing outcome in a batch fails alone: the others are stored', async () => {
    const [good, bad, other] = await Promise.all(['Good', 'Bad', 'Other'].map((subject) => newTicket(subject)));
    const saved = await Promise.allSettled([
      store.saveStageOutcome(categorization(good.id, 1, 'billing')),
      store.saveStageOutcome(categorization(bad.id, 1, 'billing'), {
        kind: 'response',
        item: bad.id,
        write: async (_manager, ticketIds) => {
          if (ticketIds.includes(bad.id)) throw new Error('composer failed');
        },
      }),
      store.saveStageOutcome(categorization(other.id, 1, 'shipping')),
    ]);
    expect(saved.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await ticketOf(good.id)).category).toBe('billing');
    expect((await ticketOf(other.id)).category).toBe('shipping');
    expect(await resultsOf(bad.id)).toEqual([]);
    expect(await eventsOf(bad.id)).toEqual([]);
  });

  it('of two revisions of one ticket saved at once, the newer wins, whatever the order', async () => {
    const ticket = await newTicket();
    await Promise.all([store.saveStageOutcome(categorization(ticket.id, 3, 'returns')), store.saveStageOutcome(categorization(ticket.id, 2, 'billing'))]);
    expect((await stageRow(ticket.id, 'categorization')).revision).toBe(3);
    expect((await ticketOf(ticket.id)).category).toBe('returns');
    expect((await eventsOf(ticket.id)).map((event) => event.dedupeKey).sort()).toEqual([`${ticket.id}.categorized.r2`, `${ticket.id}.categorized.r3`]);
  });

  it('rolls the result back when the ticket patch is rejected by the database', async () => {
    const ticket = await newTicket();
    const outcome = { ...categorization(ticket.id, 1, 'billing'), ticketPatch: { category: 'billing', priority: 'x'.repeat(40) as never } };
    await expect(store.saveStageOutcome(outcome)).rejects.toThrow();
    expect(await resultsOf(ticket.id)).toEqual([]);
    expect(await eventsOf(ticket.id)).toEqual([]);
    expect((await ticketOf(ticket.id)).category).toBeNull();
  });

  it('appendEvent on its own is idempotent by dedupe key', async () => {
    const ticket = await newTicket();
    const event = { ticketId: ticket.id, stage: Stage.Agent, type: 'note', summary: 'first', dedupeKey: `${ticket.id}.note` };
    await store.appendEvent(event);
    await store.appendEvent({ ...event, summary: 'second' });
    const events = await eventsOf(ticket.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ summary: 'first', confidence: null, data: {} });
  });

  it("a stage does not undo a person's status change: triaged applies to a new ticket only", async () => {
    const fresh = await newTicket();
    const opened = await newTicket();
    await dataSource.getRepository(TicketEntity).update({ id: opened.id }, { status: 'open' });
    for (const ticket of [fresh, opened]) {
      await store.saveStageOutcome({ ...categorization(ticket.id, 1, 'billing'), stage: Stage.Escalation, ticketPatch: { escalated: true, escalationLevel: 2, status: 'triaged' } });
    }
    expect(await ticketOf(fresh.id)).toMatchObject({ status: 'triaged', escalated: true, escalationLevel: 2 });
    expect(await ticketOf(opened.id)).toMatchObject({ status: 'open', escalated: true, escalationLevel: 2 });
  });

  it('audits what a stage changes on the ticket as that worker, with the columns before and after', async () => {
    const ticket = await newTicket();
    await store.saveStageOutcome(categorization(ticket.id, 1, 'billing', 0.5));
    const rows = await dataSource.query(`SELECT actor, actor_id, action, before, after FROM audit_log WHERE entity = 'tickets' AND entity_id = $1 ORDER BY id`, [ticket.id]);
    expect(rows.map((row: { action: string }) => row.action)).toEqual(['insert', 'update']);
    expect(rows[0]).toMatchObject({ actor: 'system', actor_id: null, before: null, after: expect.objectContaining({ id: ticket.id, subject: 'Charged twice' }) });
    expect(rows[1]).toEqual({
      actor: 'worker:categorization',
      actor_id: null,
      action: 'update',
      before: { category: null, category_confidence: null },
      after: { category: 'billing', category_confidence: 0.5 },
    });
  });

  describe('migrations', () => {
    const TABLES = [
      'agent_turns',
      'api_keys',
      'assistant_conversations',
      'assistant_messages',
      'attachments',
      'audit_log',
      'kb_article_versions',
      'kb_articles',
      'machine_texts',
      'macros',
      'mail_messages',
      'notifications',
      'outbox_messages',
      'revoked_tokens',
      'routing_rules',
      'self_service_events',
      'sla_clocks',
      'suggestion_feedback',
      'teams',
      'ticket_events',
      'ticket_links',
      'ticket_messages',
      'ticket_ratings',
      'ticket_responses',
      'ticket_stage_results',
      'tickets',
      'trained_models',
      'training_examples',
      'users',
    ];
    let fresh: TestEnvironment;
    let migrations: DataSource | undefined;

    beforeAll(async () => {
      fresh = await createTestEnvironment('int_migrations');
      migrations = new DataSource(dataSourceOptions(fresh.databaseUrl, 2));
      await migrations.initialize();
    });

    afterAll(async () => {
      if (migrations?.isInitialized) await migrations.destroy();
      await fresh?.cleanup();
    });

    const tables = async () =>
      (await migrations!.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name`)).map(
        (row: { table_name: string }) => row.table_name,
      );

    it('a fresh database is fully migrated, with nothing pending', async () => {
      expect(await tables()).toEqual(TABLES);
      expect(await migrations!.showMigrations()).toBe(false);
    });

    it('undoing every migration, newest first, drops every table and function; runMigrations brings them back; a second run is a no-op', async () => {
      for (let i = 0; i < MIGRATIONS.length; i++) await migrations!.undoLastMigration();
      expect(await tables()).toEqual([]);
      expect(await migrations!.query(`SELECT proname FROM pg_proc WHERE proname = 'audit_row_change'`)).toEqual([]);
      expect(await migrations!.query('SELECT * FROM schema_migrations')).toEqual([]);
      expect(await migrations!.showMigrations()).toBe(true);

      const applied = await migrations!.runMigrations();
      expect(applied.map((migration) => migration.name)).toEqual(MIGRATIONS.map((migration) => new migration().name));
      expect(await tables()).toEqual(TABLES);
      expect(await migrations!.runMigrations()).toEqual([]);
    });

    it('the re-created schema works: a ticket gets a number and its events cascade on delete', async () => {
      const [ticket] = await migrations!.query(
        `INSERT INTO tickets (customer_name, customer_email, subject, description) VALUES ('A', 'a@example.com', 'S', 'D') RETURNING id, number, status, revision`,
      );
      expect(ticket).toMatchObject({ status: 'new', revision: 1 });
      expect(Number(ticket.number)).toBe(1);
      await migrations!.query(`INSERT INTO ticket_events (ticket_id, stage, type, summary, dedupe_key) VALUES ($1, 'intake', 'received', 'r', 'k')`, [ticket.id]);
      await migrations!.query('DELETE FROM tickets WHERE id = $1', [ticket.id]);
      expect(await migrations!.query('SELECT * FROM ticket_events')).toEqual([]);
    });
  });
});
