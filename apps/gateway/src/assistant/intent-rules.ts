/** What a customer's message asks of the assistant, besides a question for the knowledge base. */
export type Intent = { kind: 'question' } | { kind: 'open-ticket' } | { kind: 'handover' } | { kind: 'solved' } | { kind: 'ticket-status'; number: number | null };

/**
 * Phrases per intent in the seven languages the product answers in (en, es, fr, de, pt, zh, ja), matched
 * case-insensitively. Rules, not a classifier: the phrases are few and fixed, and a rule is explainable.
 * Checked in order: "a human" before "a ticket" ("I want a person, not a ticket"), status before both.
 */
const RULES: { kind: Exclude<Intent['kind'], 'question'>; pattern: RegExp }[] = [
  {
    kind: 'ticket-status',
    pattern:
      /\b(status|state) of\b|\bwhat'?s happening with\b|#\s*\d+|\bestado (del|de mi)\b|\bstatut (du|de mon)\b|\bo[uù] en est\b|\bstatus (des|meines|von)\b|\bstand (des|meines|von)\b|\bsituação d[oe]\b|\bestado d[oe]\b|状态|进度|ステータス|状況/iu,
  },
  {
    kind: 'handover',
    pattern:
      /\b(a |real |speak to a |talk to a )?(human|person|agent|someone real)\b|\bhumano\b|\buna persona\b|\bun agente\b|\bhumain\b|\bune personne\b|\bun conseiller\b|\bmensch(en)?\b|\bmitarbeiter\b|\bpessoa\b|\batendente\b|人工|真人|客服人员|オペレーター|担当者|人間/iu,
  },
  {
    kind: 'open-ticket',
    pattern:
      /\b(open|create|file|raise|submit) (a |an )?(ticket|case|request)\b|\b(abrir|crear|abra|cree) (un |una )?(ticket|caso|solicitud|incidencia)\b|\b(ouvrir|créer|ouvrez|créez) (un )?(ticket|dossier|demande)\b|\bticket (öffnen|erstellen|eröffnen|anlegen)\b|\b(abrir|criar|abra|crie) (um |uma )?(ticket|chamado|solicitação)\b|(提交|创建|开)(一个)?(工单|票)|(チケット|問い合わせ)を?(作成|発行|開)/iu,
  },
  {
    kind: 'solved',
    pattern:
      /\b(that|this|it) (solved|fixed|worked)\b|\bproblem solved\b|\bthanks?\b|\bthank you\b|\b(eso|esto) (lo )?(resolvió|funcionó|solucionó)\b|\bgracias\b|\bça (a )?(marché|résolu|fonctionné)\b|\bmerci\b|\bdas hat (geholfen|funktioniert)\b|\bdanke\b|\bisso (resolveu|funcionou)\b|\bobrigad[oa]\b|解决了|谢谢|解決しました|ありがとう/iu,
  },
];

const TICKET_NUMBER = /#\s*(\d{1,12})|(?:ticket|caso|chamado|dossier|工单|チケット)\D{0,12}?(\d{1,12})/iu;

export function detectIntent(text: string): Intent {
  for (const { kind, pattern } of RULES) {
    if (!pattern.test(text)) continue;
    if (kind === 'ticket-status') {
      const match = TICKET_NUMBER.exec(text);
      return { kind, number: match ? Number(match[1] ?? match[2]) : null };
    }
    return { kind };
  }
  return { kind: 'question' };
}
