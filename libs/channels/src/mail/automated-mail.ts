/** The headers of a received mail, by lower-case name (mailparser's `headers` map). */
export type MailHeaders = Map<string, unknown>;

const BULK_PRECEDENCE = new Set(['bulk', 'list', 'junk', 'auto_reply']);
/** Senders that only ever write automatically: bounces and system mail. */
const SYSTEM_SENDER = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+@-]|$)/i;

const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in (value as object)) return String((value as { value: unknown }).value);
  return String(value);
};

/**
 * Why a received mail must not become a ticket or get an answer, or null for a person's mail. Auto-replies
 * (RFC 3834 Auto-Submitted, X-Autoreply, Precedence), bounces (mailer-daemon, delivery reports), mailing
 * lists (List-Id) and our own outbound mail coming back would otherwise start a mail loop.
 */
export function automatedMailReason(headers: MailHeaders, sender: string, ownAddress: string | undefined): string | null {
  const autoSubmitted = text(headers.get('auto-submitted')).trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (headers.has('x-autoreply') || headers.has('x-autorespond') || headers.has('x-auto-reply')) return 'auto-reply header';
  const precedence = text(headers.get('precedence')).trim().toLowerCase();
  if (BULK_PRECEDENCE.has(precedence)) return `Precedence: ${precedence}`;
  // mailparser gathers the List-* headers under 'list'.
  if (headers.has('list-id') || (headers.get('list') as { id?: unknown } | undefined)?.id) return 'mailing list (List-Id)';
  if (SYSTEM_SENDER.test(sender)) return `system sender ${sender}`;
  if (/multipart\/report/i.test(text(headers.get('content-type')))) return 'delivery report';
  if (ownAddress && sender.toLowerCase() === ownAddress.toLowerCase()) return 'sent by this support address';
  return null;
}
