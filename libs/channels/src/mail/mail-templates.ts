export const MAIL_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export type AnnouncedStatus = 'open' | 'pending' | 'resolved' | 'closed';

interface Template {
  greeting: (name: string) => string;
  /** "Your request #12 is now resolved." */
  status: (ticket: number, status: AnnouncedStatus) => string;
  statuses: Record<AnnouncedStatus, string>;
  /** How to answer so the mail lands on the ticket. */
  footer: (ticket: number) => string;
}

const TEMPLATES: Record<MailLanguage, Template> = {
  en: {
    greeting: (name) => `Hello ${name},`,
    status: (ticket, status) => `Your request #${ticket} is now ${TEMPLATES.en.statuses[status]}.`,
    statuses: { open: 'open again', pending: 'waiting for your answer', resolved: 'resolved', closed: 'closed' },
    footer: (ticket) => `Reply to this email to add to request #${ticket}; please keep [#${ticket}] in the subject.`,
  },
  es: {
    greeting: (name) => `Hola ${name}:`,
    status: (ticket, status) => `Su solicitud #${ticket} está ahora ${TEMPLATES.es.statuses[status]}.`,
    statuses: { open: 'abierta de nuevo', pending: 'a la espera de su respuesta', resolved: 'resuelta', closed: 'cerrada' },
    footer: (ticket) => `Responda a este correo para añadir información a la solicitud #${ticket}; mantenga [#${ticket}] en el asunto.`,
  },
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    status: (ticket, status) => `Votre demande n° ${ticket} est maintenant ${TEMPLATES.fr.statuses[status]}.`,
    statuses: { open: 'rouverte', pending: 'en attente de votre réponse', resolved: 'résolue', closed: 'fermée' },
    footer: (ticket) => `Répondez à cet e-mail pour compléter la demande n° ${ticket} ; gardez [#${ticket}] dans l'objet.`,
  },
  de: {
    greeting: (name) => `Hallo ${name},`,
    status: (ticket, status) => `Ihre Anfrage #${ticket} ist jetzt ${TEMPLATES.de.statuses[status]}.`,
    statuses: { open: 'wieder offen', pending: 'in Erwartung Ihrer Antwort', resolved: 'gelöst', closed: 'geschlossen' },
    footer: (ticket) => `Antworten Sie auf diese E-Mail, um die Anfrage #${ticket} zu ergänzen; bitte lassen Sie [#${ticket}] im Betreff.`,
  },
  pt: {
    greeting: (name) => `Olá ${name},`,
    status: (ticket, status) => `O seu pedido #${ticket} está agora ${TEMPLATES.pt.statuses[status]}.`,
    statuses: { open: 'aberto novamente', pending: 'à espera da sua resposta', resolved: 'resolvido', closed: 'fechado' },
    footer: (ticket) => `Responda a este e-mail para acrescentar ao pedido #${ticket}; mantenha [#${ticket}] no assunto.`,
  },
  zh: {
    greeting: (name) => `${name}，您好：`,
    status: (ticket, status) => `您的请求 #${ticket} 现在${TEMPLATES.zh.statuses[status]}。`,
    statuses: { open: '已重新打开', pending: '正在等待您的回复', resolved: '已解决', closed: '已关闭' },
    footer: (ticket) => `直接回复此邮件即可补充请求 #${ticket}；请在主题中保留 [#${ticket}]。`,
  },
  ja: {
    greeting: (name) => `${name} 様`,
    status: (ticket, status) => `お問い合わせ #${ticket} は${TEMPLATES.ja.statuses[status]}。`,
    statuses: { open: '再開されました', pending: 'お客様のご返信をお待ちしています', resolved: '解決済みになりました', closed: 'クローズされました' },
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
