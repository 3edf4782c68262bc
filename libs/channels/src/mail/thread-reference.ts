import { randomUUID } from 'node:crypto';

/** "[#1234]" in a subject: the ticket a customer's mail answers, when its headers were lost. */
const REFERENCE = /\[#(\d{1,15})\]/;

export function ticketNumberInSubject(subject: string): number | null {
  const match = REFERENCE.exec(subject);
  return match ? Number(match[1]) : null;
}

/** The subject of mail about a ticket: its own subject with the ticket reference, as a reply. */
export function threadSubject(subject: string, ticketNumber: number): string {
  const bare = subject
    .replace(REFERENCE, '')
    .replace(/^\s*((re|aw|sv|fw|fwd|tr|rv|res)\s*:\s*)+/i, '')
    .trim();
  return `Re: ${bare} [#${ticketNumber}]`;
}

/** A Message-ID without angle brackets, as stored. */
export function bareMessageId(id: string): string {
  return id.trim().replace(/^<|>$/g, '');
}

/** Message-IDs from a References or In-Reply-To value (mailparser gives a string or a list). */
export function messageIds(value: string | string[] | undefined): string[] {
  const all = [value ?? []].flat().flatMap((entry) => entry.match(/<[^<>\s]+>|[^<>\s]+@[^<>\s]+/g) ?? []);
  return all.map(bareMessageId);
}

/** A new, globally unique Message-ID in the support address's domain. */
export function newMessageId(supportAddress: string): string {
  return `${randomUUID()}@${supportAddress.split('@')[1] ?? 'localhost'}`;
}
