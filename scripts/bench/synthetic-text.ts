/**
 * Ticket-sized, varied texts for the load and for the retrieval collections: several languages and
 * topics, with order numbers and lengths that differ per text, from a seeded generator so two runs
 * send the same sequence. Written for the benchmark; no dataset rows.
 */
import { seededRandom } from '@smartdesk/nlp';

const TOPICS: [subject: string, body: string][] = [
  ['Charged twice for order {n}', 'Hi, my card was charged twice for order {n} on {d}. Please refund the duplicate payment as soon as possible.'],
  ['Where is my parcel?', 'I ordered a desk lamp (order {n}) {k} days ago and the tracking has not moved since Monday. Can you check where it is?'],
  ['Cannot log in after password reset', 'I reset my password this morning but the login page still says my credentials are wrong. I am locked out of my account.'],
  ['Printer on floor 3 keeps jamming', 'The office printer near the kitchen jams on every second page and shows error {k}. We have tried new paper already.'],
  ['VPN drops every few minutes', 'Since the update on {d} my VPN connection drops every few minutes, so I cannot reach the file server from home.'],
  ['Refund for a returned jacket', 'I sent the jacket back on {d} with the prepaid label, return {n}. When will the refund reach my account?'],
  ['Laptop will not turn on', 'My work laptop shows a blinking orange light and will not boot. I have a client presentation tomorrow morning.'],
  ['Question about the premium plan', 'Does the premium plan include phone support and more than {k} users? We are comparing offers this week.'],
  ['Emails stuck in the outbox', 'Outgoing emails have been stuck in my outbox since {d}; incoming mail works fine. Error code {k}.'],
  ['This is unacceptable, third time asking!!!', 'This is the THIRD time I write about order {n}. Nobody answers and I want to speak to a manager today.'],
  ['Me han cobrado dos veces', 'Hola, me han cobrado dos veces el pedido {n} en la tarjeta. ¿Podéis devolverme el cobro duplicado?'],
  ['No puedo acceder a mi cuenta', 'Desde ayer no puedo entrar en mi cuenta, dice que la contraseña es incorrecta aunque la acabo de cambiar.'],
  ['Colis non reçu', 'Bonjour, ma commande {n} devait arriver le {d} mais je n’ai toujours rien reçu. Pouvez-vous vérifier le suivi ?'],
  ['Remboursement en attente', 'J’ai renvoyé l’article il y a {k} jours et je n’ai pas encore été remboursé. Merci de me tenir informé.'],
  ['Drucker druckt nicht mehr', 'Seit heute Morgen druckt der Drucker im zweiten Stock nicht mehr, Fehlermeldung {k}. Können Sie helfen?'],
  ['Rechnung doppelt bezahlt', 'Ich habe die Rechnung {n} versehentlich zweimal bezahlt. Bitte erstatten Sie den doppelten Betrag.'],
];

const FILLERS = [
  'I have already restarted everything twice.',
  'My account email is the one on this ticket.',
  'Thanks in advance for your help.',
  'This is quite urgent for our team.',
  'Please let me know if you need screenshots.',
  'I contacted you last week but got no reply.',
  'The problem started after the last update.',
  'Several colleagues see the same thing.',
];

export interface TicketPayload {
  customerName: string;
  customerEmail: string;
  subject: string;
  description: string;
  channel: 'web' | 'email' | 'chat';
}

const NAMES = ['Ana García', 'Jamie Doe', 'Lucía Pérez', 'Marc Dubois', 'Jonas Weber', 'Priya Nair', 'Tom Baker', 'Mei Chen'];
const CHANNELS: TicketPayload['channel'][] = ['web', 'email', 'chat'];

function textMaker(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const fill = (text: string) =>
    text
      .replace(/\{n\}/g, String(1000 + Math.floor(random() * 9000)))
      .replace(/\{k\}/g, String(2 + Math.floor(random() * 40)))
      .replace(/\{d\}/g, `${1 + Math.floor(random() * 28)}/${1 + Math.floor(random() * 12)}`);
  const fillers = (max: number) => Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(FILLERS));
  return { pick, fill, fillers };
}

/** An endless, reproducible stream of ticket bodies. */
export function ticketPayloads(seed = 1): () => TicketPayload {
  const { pick, fill, fillers } = textMaker(seed);
  let count = 0;
  return () => {
    const [subject, body] = pick(TOPICS);
    count++;
    return {
      customerName: pick(NAMES),
      customerEmail: `customer${count}@example.com`,
      subject: fill(subject),
      description: [fill(body), ...fillers(3)].join(' '),
      channel: pick(CHANNELS),
    };
  };
}

/** An endless, reproducible stream of knowledge-base-chunk-sized texts (a few sentences each). */
export function chunkTexts(seed = 1): () => string {
  const { pick, fill, fillers } = textMaker(seed);
  return () => [fill(pick(TOPICS)[1]), fill(pick(TOPICS)[1]), ...fillers(4)].join(' ');
}
