import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { createTransport } from 'nodemailer';
import { simpleParser } from 'mailparser';
import { JobName, QueueName } from '@smartdesk/contracts';
import { DovecotServer } from '../support/dovecot-server';
import { freePort } from '../support/free-port';
import { REDIS_URL } from '../support/services';
import { SmtpReceiver } from '../support/smtp-receiver';
import { waitFor } from '../support/wait-for';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const SUPPORT = 'support@example.com';
const ADMIN = 'admin@smartdesk.example';
let sequence = 0;

/** A raw RFC 5322 message; `headers` adds or overrides headers. */
function rawMail(options: { from: string; subject: string; body: string; messageId?: string; headers?: Record<string, string> }): string {
  const headers: Record<string, string> = {
    From: options.from,
    To: SUPPORT,
    Subject: options.subject,
    Date: new Date().toUTCString(),
    'Message-ID': `<${options.messageId ?? `customer-${++sequence}-${Date.now()}@customer.example`}>`,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    ...options.headers,
  };
  return `${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n')}\r\n\r\n${options.body.replace(/\n/g, '\r\n')}\r\n`;
}

/**
 * The email channel end to end on real servers: Dovecot as the support mailbox (the mail worker reads it by IMAP),
 * an SMTP receiver standing for the customer's mail server, the real gateway, pipeline workers and mail worker.
 */
describe('email channel', () => {
  const imap = new DovecotServer({ [SUPPORT]: 'mailbox-secret' });
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'smartdesk-mail-attachments-'));
  const smtp = new SmtpReceiver();
  let suite: GatewaySuite;
  let mailQueue: Queue;
  let endpointPort: number;

  const ticketsFrom = (email: string) => suite.db.rows(`SELECT * FROM tickets WHERE customer_email = $1 ORDER BY number`, [email]);
  const ticketWith = (email: string, count = 1) =>
    waitFor(async () => ((await ticketsFrom(email)).length >= count ? (await ticketsFrom(email))[count - 1] : undefined), 20_000, `ticket ${count} from ${email}`);
  const allSeen = () => waitFor(async () => (await imap.flags(SUPPORT)).every((flags) => flags.includes('\\Seen')) || undefined, 20_000, 'every mail read');
  /** The mail the receiver got for a recipient, parsed. */
  const mailsTo = (address: string) => Promise.all(smtp.received.filter((mail) => mail.to.includes(address)).map((mail) => simpleParser(mail.raw)));

  beforeAll(async () => {
    await Promise.all([imap.start(), smtp.start()]);
    endpointPort = await freePort();
    suite = await startGatewaySuite('int_mail', {
      workers: ['categorization-worker', 'sentiment-worker', 'rag-worker', 'escalation-worker', 'mail-worker'],
      vars: {
        MAIL_IMAP_URL: imap.url(SUPPORT),
        MAIL_SMTP_URL: smtp.url,
        MAIL_FROM: SUPPORT,
        MAIL_POLL_MS: '1000',
        MAIL_NOTIFY_STATUSES: 'resolved,closed',
        ATTACHMENTS_DIR: attachmentsDir,
        MAIL_SMTP_LISTEN_PORT: String(endpointPort),
      },
    });
    mailQueue = new Queue(QueueName.Mail, { connection: { url: REDIS_URL }, prefix: suite.env.vars.QUEUE_PREFIX });
  }, 120_000);

  afterAll(async () => {
    await mailQueue?.close();
    await suite?.stop();
    await Promise.all([imap.stop(), smtp.stop()]);
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  it('a new mail becomes an email ticket that is triaged; quoted history and signature are left out of the ticket but kept', async () => {
    const body =
      'My parcel for order 7781 has not arrived and tracking has not moved for a week.\n\n-- \nNora Field\nACME Ltd\n\nOn Mon, 1 Dec 2026 at 10:00, Shop <shop@example.com> wrote:\n> Your order has shipped.';
    await imap.deliver(SUPPORT, rawMail({ from: 'Nora Field <nora@customer.example>', subject: 'Parcel not delivered', body }));
    const ticket = await ticketWith('nora@customer.example');
    expect(ticket).toMatchObject({ channel: 'email', customer_name: 'Nora Field', subject: 'Parcel not delivered', customer_id: null });
    expect(ticket.description).toBe('My parcel for order 7781 has not arrived and tracking has not moved for a week.');
    const [mail] = await suite.db.rows(`SELECT * FROM mail_messages WHERE ticket_id = $1`, [ticket.id]);
    expect(mail).toMatchObject({ direction: 'inbound', status: 'received', sender: 'nora@customer.example' });
    expect(mail.body).toContain('Your order has shipped.');
    expect(mail.body).toContain('ACME Ltd');
    const triaged = await waitFor(
      async () => {
        const [row] = await suite.db.rows(`SELECT status, category, sentiment_label FROM tickets WHERE id = $1`, [ticket.id]);
        return row.status === 'triaged' ? row : undefined;
      },
      40_000,
      'the email ticket to be triaged',
    );
    expect(triaged.category).toEqual(expect.any(String));
    await allSeen();
  });

  it("threads: an agent's reply is mailed in the thread, and the customer's answer to it lands on the same ticket", async () => {
    const customerMessageId = `first-${Date.now()}@customer.example`;
    await imap.deliver(
      SUPPORT,
      rawMail({
        from: 'Omar Reyes <omar@customer.example>',
        subject: 'Refund for order 9921',
        body: 'I returned the shoes two weeks ago and the refund has not arrived.',
        messageId: customerMessageId,
      }),
    );
    const ticket = await ticketWith('omar@customer.example');
    const agent = suite.as[ADMIN];
    const reply = await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'Sorry for the wait: the refund was issued today and shows within 3 days.' });
    expect(reply.status).toBe(201);

    const [sent] = await waitFor(async () => ((await mailsTo('omar@customer.example')).length > 0 ? mailsTo('omar@customer.example') : undefined), 20_000, 'the reply mailed to the customer');
    expect(sent.subject).toBe(`Re: Refund for order 9921 [#${ticket.number}]`);
    expect(sent.inReplyTo).toBe(`<${customerMessageId}>`);
    expect([sent.references].flat()).toContain(`<${customerMessageId}>`);
    expect(sent.from?.value[0].address).toBe(SUPPORT);
    expect(sent.text).toContain('the refund was issued today');
    expect(sent.text).toContain(`[#${ticket.number}]`);
    expect(sent.headers.get('auto-submitted')).toBeUndefined();
    const outbound = await waitFor(
      async () => {
        const [row] = await suite.db.rows(`SELECT * FROM mail_messages WHERE ticket_id = $1 AND direction = 'outbound'`, [ticket.id]);
        return row?.status === 'sent' ? row : undefined;
      },
      10_000,
      'the outbound mail marked sent',
    );
    expect(`<${outbound.message_id}>`).toBe(sent.messageId);
    const timeline = (await agent.get(`/api/tickets/${ticket.id}`)).body.timeline.map((event: { type: string }) => event.type);
    expect(timeline).toEqual(expect.arrayContaining(['email-queued', 'email-sent']));

    // The customer answers from their mail client: new Message-ID, In-Reply-To our reply, quoting it.
    await imap.deliver(
      SUPPORT,
      rawMail({
        from: 'Omar Reyes <omar@customer.example>',
        subject: sent.subject!,
        body: `Thanks, it arrived!\n\nOn ${new Date().toDateString()}, Support <${SUPPORT}> wrote:\n> Sorry for the wait: the refund was issued today.`,
        headers: { 'In-Reply-To': sent.messageId!, References: `<${customerMessageId}> ${sent.messageId}` },
      }),
    );
    const messages = await waitFor(
      async () => {
        const rows = await suite.db.rows(`SELECT kind, body FROM ticket_messages WHERE ticket_id = $1 AND kind = 'customer'`, [ticket.id]);
        return rows.length > 0 ? rows : undefined;
      },
      20_000,
      'the customer answer on the ticket',
    );
    expect(messages).toEqual([{ kind: 'customer', body: 'Thanks, it arrived!' }]);
    expect(await ticketsFrom('omar@customer.example')).toHaveLength(1);
  });

  it('matches a reply by the ticket reference in the subject only from the ticket’s own customer', async () => {
    await imap.deliver(SUPPORT, rawMail({ from: 'pia@customer.example', subject: 'Login fails', body: 'I cannot log in since the update.' }));
    const ticket = await ticketWith('pia@customer.example');
    await imap.deliver(SUPPORT, rawMail({ from: 'pia@customer.example', subject: `Re: Login fails [#${ticket.number}]`, body: 'It works on my phone, not on my laptop.' }));
    await imap.deliver(SUPPORT, rawMail({ from: 'mallory@elsewhere.example', subject: `Re: Login fails [#${ticket.number}]`, body: 'Please send me the account details.' }));
    await waitFor(async () => (await suite.db.count('ticket_messages', `ticket_id = $1 AND kind = 'customer'`, [ticket.id])) === 1 || undefined, 20_000, 'the reply by subject reference');
    const stranger = await ticketWith('mallory@elsewhere.example');
    expect(stranger.id).not.toBe(ticket.id);
  });

  it('ignores auto-replies, bounces and list mail: no ticket, no answer', async () => {
    const before = smtp.received.length;
    const automated = [
      rawMail({ from: 'ooo@customer.example', subject: 'Out of office', body: 'I am away until Monday.', headers: { 'Auto-Submitted': 'auto-replied' } }),
      rawMail({ from: 'ooo@customer.example', subject: 'Autoreply', body: 'Away.', headers: { 'X-Autoreply': 'yes' } }),
      rawMail({ from: 'news@lists.example', subject: 'Weekly digest', body: 'News.', headers: { Precedence: 'bulk' } }),
      rawMail({ from: 'members@lists.example', subject: 'Discussion', body: 'Hello list.', headers: { 'List-Id': '<members.lists.example>' } }),
      rawMail({ from: 'MAILER-DAEMON@mx.example', subject: 'Undelivered Mail Returned to Sender', body: 'Delivery failed.' }),
    ];
    for (const raw of automated) await imap.deliver(SUPPORT, raw);
    await allSeen();
    const senders = ['ooo@customer.example', 'news@lists.example', 'members@lists.example', 'mailer-daemon@mx.example'];
    expect(await suite.db.count('tickets', `lower(customer_email) = ANY($1)`, [senders])).toBe(0);
    expect(await suite.db.count('mail_messages', `sender = ANY($1)`, [senders])).toBe(0);
    expect(smtp.received.length).toBe(before);
  });

  it('keeps a mail’s attachments with its ticket, leaving out files over the limits or whose bytes contradict their type', async () => {
    const boundary = 'b-1234567890';
    const body = [
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The invoice I got charges me twice, see the attached copy.',
      `--${boundary}`,
      'Content-Type: application/pdf; name="invoice.pdf"',
      'Content-Disposition: attachment; filename="invoice.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.4 invoice 5521 %%EOF').toString('base64'),
      `--${boundary}`,
      'Content-Type: application/x-msdownload; name="fix.exe"',
      'Content-Disposition: attachment; filename="fix.exe"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('MZ').toString('base64'),
      `--${boundary}`,
      'Content-Type: image/png; name="photo.png"',
      'Content-Disposition: attachment; filename="photo.png"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<!DOCTYPE html><script>document.location="https://evil.example"</script>').toString('base64'),
      `--${boundary}--`,
    ].join('\n');
    await imap.deliver(SUPPORT, rawMail({ from: 'tomas@customer.example', subject: 'Charged twice', body, headers: { 'Content-Type': `multipart/mixed; boundary="${boundary}"` } }));
    const ticket = await ticketWith('tomas@customer.example');
    expect(ticket.description).toBe('The invoice I got charges me twice, see the attached copy.');
    const files = (await suite.as[ADMIN].get(`/api/tickets/${ticket.id}/attachments`)).body;
    expect(files).toEqual([expect.objectContaining({ filename: 'invoice.pdf', contentType: 'application/pdf', messageId: null })]);
    const download = await fetch(`${suite.api.baseUrl}${files[0].links.download}`, { headers: suite.as[ADMIN].credentials });
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('%PDF-1.4 invoice 5521 %%EOF');
  });

  it('stores the same Message-ID once, however often it is read', async () => {
    const raw = rawMail({ from: 'quinn@customer.example', subject: 'Invoice copy', body: 'Could you send me a copy of invoice 4410?', messageId: `dup-${Date.now()}@customer.example` });
    await imap.deliver(SUPPORT, raw);
    await ticketWith('quinn@customer.example');
    await imap.deliver(SUPPORT, raw);
    await allSeen();
    expect(await ticketsFrom('quinn@customer.example')).toHaveLength(1);
    expect(await suite.db.count('mail_messages', `sender = 'quinn@customer.example'`)).toBe(1);
  });

  it('never sends a mail twice: a repeated send job is a no-op, and a send interrupted mid-way is not retried blindly', async () => {
    await imap.deliver(SUPPORT, rawMail({ from: 'rui@customer.example', subject: 'Warranty question', body: 'Is the kettle covered by the warranty after 13 months?' }));
    const ticket = await ticketWith('rui@customer.example');
    await suite.as[ADMIN].post(`/api/tickets/${ticket.id}/messages`, { body: 'Yes, the warranty lasts two years.' });
    const [sentRow] = await waitFor(
      async () => {
        const rows = await suite.db.rows(`SELECT * FROM mail_messages WHERE ticket_id = $1 AND direction = 'outbound' AND status = 'sent'`, [ticket.id]);
        return rows.length ? rows : undefined;
      },
      20_000,
      'the reply sent',
    );
    // The outbox re-publishing, or BullMQ delivering the job again after a stall: a second job for the same mail.
    const again = await mailQueue.add(JobName.SendMail, { v: 1, mailId: sentRow.id }, { jobId: `${sentRow.id}.again` });
    await waitFor(async () => (await again.getState()) === 'completed' || undefined, 10_000, 'the repeated send job');
    expect((await mailsTo('rui@customer.example')).length).toBe(1);

    // A worker that died after claiming a send leaves the mail 'sending': did the SMTP server take it? Unknown, so not resent.
    const [{ id: crashedId }] = await suite.db.rows(
      `INSERT INTO mail_messages (ticket_id, direction, kind, message_id, sender, recipient, subject, body, status, attempts)
       VALUES ($1, 'outbound', 'reply', $2, $3, 'rui@customer.example', 'Re: Warranty question', 'Second reply', 'sending', 1) RETURNING id`,
      [ticket.id, `crashed-${Date.now()}@example.com`, SUPPORT],
    );
    const retried = await mailQueue.add(JobName.SendMail, { v: 1, mailId: crashedId }, { jobId: `${crashedId}.retry` });
    await waitFor(async () => (await retried.getState()) === 'completed' || undefined, 10_000, 'the retried send job');
    const [crashed] = await suite.db.rows(`SELECT status, last_error FROM mail_messages WHERE id = $1`, [crashedId]);
    expect(crashed.status).toBe('failed');
    expect(crashed.last_error).toMatch(/interrupted/);
    expect((await mailsTo('rui@customer.example')).length).toBe(1);
    const timeline = (await suite.as[ADMIN].get(`/api/tickets/${ticket.id}`)).body.timeline.map((event: { type: string }) => event.type);
    expect(timeline).toContain('email-failed');
  });

  it('retries a mail the SMTP server turns away for now, with backoff, and gives up at once on a permanent refusal', async () => {
    smtp.refuse('una@customer.example', { code: 451, message: 'Try again later' }, { code: 451, message: 'Still busy' });
    await imap.deliver(SUPPORT, rawMail({ from: 'una@customer.example', subject: 'Gift wrap', body: 'Can you gift wrap order 6610?' }));
    const ticket = await ticketWith('una@customer.example');
    await suite.as[ADMIN].post(`/api/tickets/${ticket.id}/messages`, { body: 'Yes, we will wrap it.' });
    const sent = await waitFor(
      async () => {
        const [row] = await suite.db.rows(`SELECT status, attempts FROM mail_messages WHERE ticket_id = $1 AND direction = 'outbound'`, [ticket.id]);
        return row?.status === 'sent' ? row : undefined;
      },
      30_000,
      'the mail sent on its third attempt',
    );
    expect(sent.attempts).toBe(3);
    expect(smtp.attempts.get('una@customer.example')).toBe(3);
    expect(await mailsTo('una@customer.example')).toHaveLength(1);

    smtp.refuse('vic@customer.example', { code: 550, message: 'No such user' });
    await imap.deliver(SUPPORT, rawMail({ from: 'vic@customer.example', subject: 'Size chart', body: 'Where is the size chart for the boots?' }));
    const refusedTicket = await ticketWith('vic@customer.example');
    await suite.as[ADMIN].post(`/api/tickets/${refusedTicket.id}/messages`, { body: 'It is on the product page.' });
    const failed = await waitFor(
      async () => {
        const [row] = await suite.db.rows(`SELECT status, attempts, last_error FROM mail_messages WHERE ticket_id = $1 AND direction = 'outbound'`, [refusedTicket.id]);
        return row?.status === 'failed' ? row : undefined;
      },
      20_000,
      'the refused mail failed',
    );
    expect(failed).toMatchObject({ attempts: 1 });
    expect(failed.last_error).toContain('550');
    expect(smtp.attempts.get('vic@customer.example')).toBe(1);
  });

  it('takes forwarded mail on its SMTP endpoint, for the support address only', async () => {
    const forwarder = createTransport({ host: '127.0.0.1', port: endpointPort, secure: false, ignoreTLS: true });
    try {
      await forwarder.sendMail({ from: 'Xena <xena@customer.example>', to: SUPPORT, subject: 'Broken zip', text: 'The zip on my jacket broke after a week.' });
      const ticket = await ticketWith('xena@customer.example');
      expect(ticket).toMatchObject({ channel: 'email', subject: 'Broken zip', metadata: { mailbox: 'smtp' } });
      await expect(forwarder.sendMail({ from: 'xena@customer.example', to: 'someone@elsewhere.example', subject: 'Relay?', text: 'Pass this on.' })).rejects.toMatchObject({ responseCode: 550 });
    } finally {
      forwarder.close();
    }
  });

  it('mails the customer a status notice the team turned on (resolved), in the thread, marked machine-written', async () => {
    await imap.deliver(SUPPORT, rawMail({ from: 'sara@customer.example', subject: 'Change my address', body: 'Please change the delivery address of order 5120 to 5 Elm Street.' }));
    const ticket = await ticketWith('sara@customer.example');
    const resolved = await suite.as[ADMIN].put(`/api/tickets/${ticket.id}/resolve`, { resolution: 'Address changed.' });
    expect(resolved.status).toBe(200);
    const [notice] = await waitFor(async () => ((await mailsTo('sara@customer.example')).length > 0 ? mailsTo('sara@customer.example') : undefined), 20_000, 'the status notice');
    expect(notice.subject).toBe(`Re: Change my address [#${ticket.number}]`);
    expect(notice.text).toContain(`#${ticket.number} is now resolved`);
    expect(notice.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('tells the customer of a merged ticket, once and in their language, where their request continues; their answer lands there', async () => {
    const customer = 'vera@customer.example';
    const duplicateMessageId = `dup-thread-${Date.now()}@customer.example`;
    await imap.deliver(
      SUPPORT,
      rawMail({ from: `Vera Luna <${customer}>`, subject: 'Tapa del hervidor rota', body: 'La tapa de mi hervidor se rompió la primera vez que lo abrí. ¿Pueden enviarme una nueva?' }),
    );
    const target = await ticketWith(customer);
    await imap.deliver(
      SUPPORT,
      rawMail({ from: `Vera Luna <${customer}>`, subject: 'Hervidor roto', body: 'Les escribí ayer: la tapa del hervidor está rota y todavía no tengo respuesta.', messageId: duplicateMessageId }),
    );
    const source = await ticketWith(customer, 2);
    // The notice is written in the language triage detects: wait for it.
    await waitFor(
      async () => ((await suite.db.count('tickets', `customer_email = $1 AND language = 'es' AND triaged_at IS NOT NULL`, [customer])) === 2 ? true : undefined),
      40_000,
      'both tickets triaged as Spanish',
    );
    // Routing may still move the ticket just after triage: a stale version is answered 409, and read again, as the web app does.
    const merged = await waitFor(
      async () => {
        const { version } = (await suite.as[ADMIN].get(`/api/tickets/${source.id}`)).body;
        const response = await suite.as[ADMIN].post(`/api/tickets/${source.id}/merge`, { targetId: target.id, version });
        return response.status === 409 ? undefined : response;
      },
      10_000,
      'the merge',
    );
    expect(merged.status).toBe(200);

    const [notice] = await waitFor(async () => ((await mailsTo(customer)).length > 0 ? mailsTo(customer) : undefined), 20_000, 'the merge notice');
    expect(notice.subject).toBe(`Re: Hervidor roto [#${target.number}]`);
    expect(notice.inReplyTo).toBe(`<${duplicateMessageId}>`);
    expect(notice.text).toContain(`Su solicitud #${source.number} trata el mismo asunto que la solicitud #${target.number}`);
    expect(notice.headers.get('auto-submitted')).toBe('auto-generated');
    const [row] = await suite.db.rows(`SELECT ticket_id, kind FROM mail_messages WHERE message_id = $1`, [notice.messageId!.slice(1, -1)]);
    expect(row).toEqual({ ticket_id: target.id, kind: 'merged' });

    await imap.deliver(
      SUPPORT,
      rawMail({ from: `Vera Luna <${customer}>`, subject: notice.subject!, body: 'Gracias, espero la tapa nueva.', headers: { 'In-Reply-To': notice.messageId!, References: notice.messageId! } }),
    );
    await waitFor(
      async () => ((await suite.db.count('ticket_messages', `ticket_id = $1 AND body = 'Gracias, espero la tapa nueva.'`, [target.id])) === 1 ? true : undefined),
      20_000,
      'the answer on the ticket that continues',
    );
    expect(await ticketsFrom(customer)).toHaveLength(2);
    // One mail, though the merge closed the duplicate and this team announces closed tickets.
    expect(await mailsTo(customer)).toHaveLength(1);
    expect(await suite.db.count('mail_messages', `recipient = $1`, [customer])).toBe(1);
  });
});
