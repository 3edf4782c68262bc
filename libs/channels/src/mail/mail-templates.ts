export const MAIL_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export type AnnouncedStatus = 'open' | 'pending' | 'resolved' | 'closed';

interface Template {
  greeting: (name: string) => string;
  /** "Your request #12 is now resolved." */
  status: (ticket: number, status: AnnouncedStatus) => string;
  statuses: Record<AnnouncedStatus, string>;
  /** "Your request #12 was merged into request #9: we continue there." */
  merged: (from: number, into: number) => string;
  /** How to answer so the mail lands on the ticket. */
  footer: (ticket: number) => string;
}

const TEMPLATES: Record<MailLanguage, Template> = {
  en: {
    greeting: (name) => `Hello ${name},`,
    status: (ticket, status) => `Your request #${ticket} is now ${TEMPLATES.en.statuses[status]}.`,
    statuses: { open: 'open again', pending: 'waiting for your answer', resolved: 'resolved', closed: 'closed' },
    merged: (from, into) => `Your request #${from} concerns the same matter as request #${into}, so we have merged them: we continue on request #${into}, where everything you sent us is kept.`,
    footer: (ticket) => `Reply to this email to add to request #${ticket}; please keep [#${ticket}] in the subject.`,
  },
  es: {
    greeting: (name) => `Hola ${name}:`,
    status: (ticket, status) => `Su solicitud #${ticket} está ahora ${TEMPLATES.es.statuses[status]}.`,
    statuses: { open: 'abierta de nuevo', pending: 'a la espera de su respuesta', resolved: 'resuelta', closed: 'cerrada' },
    merged: (from, into) =>
      `Su solicitud #${from} trata el mismo asunto que la solicitud #${into}, así que las hemos unido: seguimos en la solicitud #${into}, donde se conserva todo lo que nos envió.`,
    footer: (ticket) => `Responda a este correo para añadir información a la solicitud #${ticket}; mantenga [#${ticket}] en el asunto.`,
  },
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    status: (ticket, status) => `Votre demande n° ${ticket} est maintenant ${TEMPLATES.fr.statuses[status]}.`,
    statuses: { open: 'rouverte', pending: 'en attente de votre réponse', resolved: 'résolue', closed: 'fermée' },
    merged: (from, into) =>
      `Votre demande n° ${from} porte sur le même sujet que la demande n° ${into} : nous les avons fusionnées et poursuivons sur la demande n° ${into}, où tout ce que vous nous avez envoyé est conservé.`,
    footer: (ticket) => `Répondez à cet e-mail pour compléter la demande n° ${ticket} ; gardez [#${ticket}] dans l'objet.`,
  },
  de: {
    greeting: (name) => `Hallo ${name},`,
    status: (ticket, status) => `Ihre Anfrage #${ticket} ist jetzt ${TEMPLATES.de.statuses[status]}.`,
    statuses: { open: 'wieder offen', pending: 'in Erwartung Ihrer Antwort', resolved: 'gelöst', closed: 'geschlossen' },
    merged: (from, into) =>
      `Ihre Anfrage #${from} betrifft dasselbe Anliegen wie Anfrage #${into}, daher haben wir sie zusammengeführt: Wir machen bei Anfrage #${into} weiter, wo alles erhalten ist, was Sie uns geschickt haben.`,
    footer: (ticket) => `Antworten Sie auf diese E-Mail, um die Anfrage #${ticket} zu ergänzen; bitte lassen Sie [#${ticket}] im Betreff.`,
  },
  pt: {
    greeting: (name) => `Olá ${name},`,
    status: (ticket, status) => `O seu pedido #${ticket} está agora ${TEMPLATES.pt.statuses[status]}.`,
    statuses: { open: 'aberto novamente', pending: 'à espera da sua resposta', resolved: 'resolvido', closed: 'fechado' },
    merged: (from, into) => `O seu pedido #${from} trata do mesmo assunto que o pedido #${into}, por isso juntámo-los: continuamos no pedido #${into}, onde fica tudo o que nos enviou.`,
    footer: (ticket) => `Responda a este e-mail para acrescentar ao pedido #${ticket}; mantenha [#${ticket}] no assunto.`,
  },
  zh: {
    greeting: (name) => `${name}，您好：`,
    status: (ticket, status) => `您的请求 #${ticket} 现在${TEMPLATES.zh.statuses[status]}。`,
    statuses: { open: '已重新打开', pending: '正在等待您的回复', resolved: '已解决', closed: '已关闭' },
    merged: (from, into) => `您的请求 #${from} 与请求 #${into} 是同一问题，我们已将两者合并：后续将在请求 #${into} 中继续处理，您发送的所有内容都已保留。`,
    footer: (ticket) => `直接回复此邮件即可补充请求 #${ticket}；请在主题中保留 [#${ticket}]。`,
  },
  ja: {
    greeting: (name) => `${name} 様`,
    status: (ticket, status) => `お問い合わせ #${ticket} は${TEMPLATES.ja.statuses[status]}。`,
    statuses: { open: '再開されました', pending: 'お客様のご返信をお待ちしています', resolved: '解決済みになりました', closed: 'クローズされました' },
    merged: (from, into) =>
      `お問い合わせ #${from} はお問い合わせ #${into} と同じ内容のため、統合いたしました。今後はお問い合わせ #${into} で対応いたします。お送りいただいた内容はすべて引き継がれています。`,
    footer: (ticket) => `このメールに返信すると、お問い合わせ #${ticket} に追加されます。件名の [#${ticket}] はそのまま残してください。`,
  },
};

/** The ticket's language when we write it, English otherwise. */
export function mailLanguage(language: string | null): MailLanguage {
  return (MAIL_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as MailLanguage) : 'en';
}

export interface MailContent {
  language: string | null;
  customerName: string;
  ticketNumber: number;
}

/** The text of an agent's public reply as mailed to the customer. */
export function replyMailText(content: MailContent, reply: string): string {
  const template = TEMPLATES[mailLanguage(content.language)];
  return `${template.greeting(content.customerName)}\n\n${reply.trim()}\n\n--\n${template.footer(content.ticketNumber)}\n`;
}

/** The text of a status notice. */
export function statusMailText(content: MailContent, status: AnnouncedStatus): string {
  const template = TEMPLATES[mailLanguage(content.language)];
  return `${template.greeting(content.customerName)}\n\n${template.status(content.ticketNumber, status)}\n\n--\n${template.footer(content.ticketNumber)}\n`;
}

/** The notice to the customer of a ticket merged into another (content.ticketNumber: the one that continues). */
export function mergedMailText(content: MailContent, mergedNumber: number): string {
  const template = TEMPLATES[mailLanguage(content.language)];
  return `${template.greeting(content.customerName)}\n\n${template.merged(mergedNumber, content.ticketNumber)}\n\n--\n${template.footer(content.ticketNumber)}\n`;
}
