import type { ComplaintCueKind } from '@smartdesk/contracts';
import { SentimentAnalyzer } from './sentiment-analyzer';

const analyzer = new SentimentAnalyzer();
const kindsIn = (text: string, language: string) => analyzer.analyze(text, language).signals.map((signal) => signal.kind);

/** One natural sentence per language and complaint cue; each must be found, and must make the ticket negative. */
const EXAMPLES: Record<string, Partial<Record<ComplaintCueKind, string>>> = {
  en: {
    'repeat-contact': 'This is the third time I am writing about order 5521.',
    waiting: 'I have been on hold for 45 minutes.',
    unanswered: 'Nobody answers the phone and my emails get no reply.',
    'broken-promise': 'I was promised a refund within five days.',
    'churn-threat': 'I am cancelling my account and moving to a competitor.',
    'legal-threat': 'If this is not fixed today I will file a chargeback.',
    demand: 'I want to speak to a manager.',
    ultimatum: 'Refund me by Friday or I will dispute the charge.',
    exasperation: 'Are you kidding me? Nobody reads my messages.',
    question: 'Why does nobody read my messages?',
    sarcasm: 'Great, another delay.',
    'service-failure': 'The app will not let me log in since the update.',
  },
  es: {
    'repeat-contact': 'Es la tercera vez que escribo por el pedido 5521.',
    waiting: 'Llevo 45 minutos en espera.',
    unanswered: 'Nadie contesta al teléfono y mis correos siguen sin respuesta.',
    'broken-promise': 'Me prometieron que el reembolso llegaría en cinco días.',
    'churn-threat': 'Voy a darme de baja y me voy a la competencia.',
    'legal-threat': 'Si no lo solucionáis hoy, pondré una denuncia.',
    demand: 'Quiero hablar con un responsable.',
    ultimatum: 'Devolvedme el dinero esta semana o llamo al banco.',
    exasperation: '¿Cómo es posible que nadie lea mis mensajes?',
    question: '¿Por qué nadie lee mis mensajes?',
    sarcasm: 'Genial, otra vez sin servicio.',
    'service-failure': 'La aplicación no me deja entrar desde la actualización.',
  },
  fr: {
    'repeat-contact': "C'est la troisième fois que j'écris au sujet de la commande 5521.",
    waiting: "J'attends toujours depuis 45 minutes.",
    unanswered: 'Personne ne répond au téléphone et mes e-mails restent sans réponse.',
    'broken-promise': "On m'avait promis un remboursement sous cinq jours.",
    'churn-threat': 'Je vais résilier mon abonnement.',
    'legal-threat': "Sans solution aujourd'hui, je porte plainte.",
    demand: 'Je veux parler à un responsable.',
    ultimatum: 'Remboursez-moi avant vendredi, sinon je fais opposition.',
    exasperation: "C'est inadmissible, vous vous moquez de moi.",
    question: 'Pourquoi personne ne lit mes messages ?',
    sarcasm: 'Super, encore une panne.',
    'service-failure': "L'application ne me laisse plus me connecter depuis la mise à jour.",
  },
  de: {
    'repeat-contact': 'Ich schreibe zum dritten Mal wegen der Bestellung 5521.',
    waiting: 'Ich hänge seit 45 Minuten in der Warteschleife.',
    unanswered: 'Niemand geht ans Telefon und auf meine E-Mails kommt keine Antwort.',
    'broken-promise': 'Mir wurde eine Erstattung innerhalb von fünf Tagen versprochen.',
    'churn-threat': 'Mir reicht es, ich wechsle zur Konkurrenz.',
    'legal-threat': 'Wenn das heute nicht gelöst wird, schalte ich meinen Anwalt ein.',
    demand: 'Ich möchte mit einem Vorgesetzten sprechen.',
    ultimatum: 'Erstatten Sie mir das Geld bis Freitag, sonst gehe ich zur Bank.',
    exasperation: 'Das ist doch ein Witz, niemand liest meine Nachrichten.',
    question: 'Warum antwortet niemand auf meine Nachrichten?',
    sarcasm: 'Na toll, schon wieder ein Ausfall.',
    'service-failure': 'Seit dem Update kann ich mich nicht mehr anmelden.',
  },
  pt: {
    'repeat-contact': 'É a terceira vez que escrevo sobre o pedido 5521.',
    waiting: 'Estou esperando há 45 minutos no telefone.',
    unanswered: 'Ninguém atende o telefone e meus e-mails ficam sem resposta.',
    'broken-promise': 'Me prometeram o reembolso em cinco dias.',
    'churn-threat': 'Vou cancelar minha assinatura e passar para a concorrência.',
    'legal-threat': 'Se não resolverem hoje, vou abrir uma reclamação no Procon.',
    demand: 'Quero falar com um supervisor.',
    ultimatum: 'Devolvam o dinheiro até sexta ou vou cancelar o cartão.',
    exasperation: 'Como é possível que ninguém leia minhas mensagens?',
    question: 'Por que ninguém lê minhas mensagens?',
    sarcasm: 'Ótimo, de novo sem serviço.',
    'service-failure': 'O aplicativo não me deixa entrar desde a atualização.',
  },
  zh: {
    'repeat-contact': '这是我第三次为订单 5521 写信了。',
    waiting: '我已经等了45分钟了。',
    unanswered: '电话打不通，邮件也没人回复。',
    'broken-promise': '你们承诺过五天内退款。',
    'churn-threat': '我要销户，换别家。',
    'legal-threat': '今天再不解决，我就向消费者协会投诉。',
    demand: '我要找你们的经理。',
    ultimatum: '周五之前把钱退给我，否则我就取消订单。',
    exasperation: '搞什么，一直没人看我的消息。',
    question: '为什么一直没人看我的消息？',
    sarcasm: '真棒，又断网了。',
    'service-failure': '更新以后一直无法登录。',
  },
  ja: {
    'repeat-contact': '注文5521について問い合わせるのはこれで3回目です。',
    waiting: '電話で45分も待たされています。',
    unanswered: '電話がつながらず、メールにも返信がありません。',
    'broken-promise': '5日以内に返金すると約束されたはずです。',
    'churn-threat': 'もう解約して他社に乗り換えます。',
    'legal-threat': '今日中に対応がなければ消費者センターに相談します。',
    demand: '責任者に代わってください。',
    ultimatum: '金曜日までに返金されなければ、注文をキャンセルします。',
    exasperation: 'ふざけないでください、誰もメッセージを読んでいません。',
    question: 'なぜ誰もメッセージを読まないのですか。',
    sarcasm: 'さすがですね、また障害ですか。',
    'service-failure': 'アップデート以降ログインできません。',
  },
};

describe('complaint cues', () => {
  describe.each(Object.keys(EXAMPLES))('%s', (language) => {
    it.each(Object.entries(EXAMPLES[language]))('finds %s: %s', (kind, text) => {
      expect(kindsIn(text, language)).toContain(kind);
      expect(analyzer.analyze(text, language).label).toBe('negative');
    });
  });

  it('covers every cue kind in every language', () => {
    for (const cues of Object.values(EXAMPLES)) expect(Object.keys(cues)).toHaveLength(12);
  });

  it.each([
    ['en', 'Could you please send the invoice again as a PDF?'],
    ['en', 'Please cancel my subscription when the current period ends. No need to refund anything.'],
    ['es', '¿Me podéis enviar la factura de nuevo en PDF? No hace falta devolver nada.'],
    ['fr', "Pourriez-vous m'envoyer à nouveau la facture en PDF ? Merci d'avance."],
    ['de', 'Könnten Sie mir die Rechnung bitte erneut als PDF schicken?'],
    ['pt', 'Podem reenviar a nota fiscal de novo em PDF? Não precisa de reembolso.'],
    ['zh', '请问可以再发一次发票吗？不需要退款。'],
    ['ja', '請求書をもう一度PDFで送っていただけますか。返金は不要です。'],
  ])('reads a calm %s request as no complaint: %s', (language, text) => {
    const result = analyzer.analyze(text, language);
    expect(result.label).toBe('neutral');
    expect(result.signals.filter((signal) => !['word', 'negated-word', 'emoji', 'emphasis'].includes(signal.kind))).toEqual([]);
  });

  it('counts a repeated kind with decaying weight', () => {
    const signals = analyzer.analyze('Still waiting. Still nothing. Still no refund. Still no answer.', 'en').signals.filter((signal) => signal.kind === 'waiting');
    expect(signals.map((signal) => signal.weight)).toEqual([-2, -1, -0.5]);
  });
});
