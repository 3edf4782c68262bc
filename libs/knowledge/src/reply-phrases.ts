export interface ReplyPhrases {
  greeting: (name: string) => string;
  thanks: (subject: string) => string;
  steps: string;
  /** Introduces the quoted resolution of a similar solved ticket (`ref` is e.g. "#12"). */
  solvedBefore: (ref: string) => string;
  /** The same to a customer, whom another customer's ticket number does not concern. */
  solvedSimilar: string;
  source: string;
  /** Said before steps quoted from an article in another language, so no one mistakes them for a translation. */
  otherLanguage: (languageCode: string) => string;
  handover: string;
  closing: string;
}

/** Greeting and closing in each language the product replies in; the article's own words fill the middle. */
export const REPLY_PHRASES: Record<string, ReplyPhrases> = {
  en: {
    greeting: (name) => `Hi ${name},`,
    thanks: (subject) => `Thank you for contacting us about "${subject}".`,
    steps: 'Here is what should help:',
    solvedBefore: (ref) => `A similar request was solved this way (from ticket ${ref}):`,
    solvedSimilar: 'A similar request was solved this way:',
    source: 'More details',
    otherLanguage: (code) => `These steps come from our article in ${languageName(code, 'en')}; we do not have it in your language yet.`,
    handover: 'A member of our team will look into your request personally and get back to you shortly.',
    closing: 'Best regards,\nThe support team',
  },
  es: {
    greeting: (name) => `Hola ${name}:`,
    thanks: (subject) => `Gracias por escribirnos sobre «${subject}».`,
    steps: 'Esto debería ayudarte:',
    solvedBefore: (ref) => `Una solicitud parecida se resolvió así (del ticket ${ref}):`,
    solvedSimilar: 'Una solicitud parecida se resolvió así:',
    source: 'Más información',
    otherLanguage: (code) => `Estos pasos proceden de nuestro artículo en ${languageName(code, 'es')}; todavía no lo tenemos en tu idioma.`,
    handover: 'Una persona de nuestro equipo revisará tu solicitud y te responderá en breve.',
    closing: 'Un saludo,\nEl equipo de soporte',
  },
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    thanks: (subject) => `Merci de nous avoir contactés au sujet de « ${subject} ».`,
    steps: 'Voici ce qui devrait vous aider :',
    solvedBefore: (ref) => `Une demande semblable a été résolue ainsi (ticket ${ref}) :`,
    solvedSimilar: 'Une demande semblable a été résolue ainsi :',
    source: 'Plus de détails',
    otherLanguage: (code) => `Ces étapes viennent de notre article en ${languageName(code, 'fr')} ; il n’est pas encore disponible dans votre langue.`,
    handover: 'Un membre de notre équipe va examiner votre demande et vous répondra rapidement.',
    closing: 'Bien cordialement,\nL’équipe support',
  },
  de: {
    greeting: (name) => `Hallo ${name},`,
    thanks: (subject) => `vielen Dank für Ihre Nachricht zu „${subject}“.`,
    steps: 'Das sollte helfen:',
    solvedBefore: (ref) => `Ein ähnliches Anliegen wurde so gelöst (aus Ticket ${ref}):`,
    solvedSimilar: 'Ein ähnliches Anliegen wurde so gelöst:',
    source: 'Weitere Details',
    otherLanguage: (code) => `Diese Schritte stammen aus unserem Artikel auf ${languageName(code, 'de')}; in Ihrer Sprache gibt es ihn noch nicht.`,
    handover: 'Ein Mitglied unseres Teams kümmert sich persönlich um Ihr Anliegen und meldet sich in Kürze.',
    closing: 'Viele Grüße\nIhr Support-Team',
  },
  pt: {
    greeting: (name) => `Olá ${name},`,
    thanks: (subject) => `Obrigado por nos contactar sobre "${subject}".`,
    steps: 'Isto deve ajudar:',
    solvedBefore: (ref) => `Um pedido semelhante foi resolvido assim (do ticket ${ref}):`,
    solvedSimilar: 'Um pedido semelhante foi resolvido assim:',
    source: 'Mais detalhes',
    otherLanguage: (code) => `Estes passos vêm do nosso artigo em ${languageName(code, 'pt')}; ainda não o temos no seu idioma.`,
    handover: 'Um membro da nossa equipa vai analisar o seu pedido pessoalmente e responderá em breve.',
    closing: 'Com os melhores cumprimentos,\nA equipa de suporte',
  },
  zh: {
    greeting: (name) => `${name}，您好：`,
    thanks: (subject) => `感谢您就“${subject}”联系我们。`,
    steps: '以下步骤应该能帮到您：',
    solvedBefore: (ref) => `类似的问题曾这样解决（来自工单 ${ref}）：`,
    solvedSimilar: '类似的问题曾这样解决：',
    source: '更多详情',
    otherLanguage: (code) => `以下步骤摘自我们的${languageName(code, 'zh')}文章，暂时还没有您所用语言的版本。`,
    handover: '我们的团队成员会亲自处理您的请求，并尽快回复您。',
    closing: '此致\n客服团队',
  },
  ja: {
    greeting: (name) => `${name} 様`,
    thanks: (subject) => `「${subject}」についてお問い合わせいただき、ありがとうございます。`,
    steps: '以下の手順をお試しください：',
    solvedBefore: (ref) => `同様のお問い合わせは次のように解決しました（チケット ${ref} より）：`,
    solvedSimilar: '同様のお問い合わせは次のように解決しました：',
    source: '詳細',
    otherLanguage: (code) => `以下の手順は${languageName(code, 'ja')}の記事からの引用です。お客様の言語版はまだご用意できていません。`,
    handover: '担当者が直接お問い合わせ内容を確認し、追ってご連絡いたします。',
    closing: 'よろしくお願いいたします。\nサポートチーム',
  },
};

/** A language's name in another language ("Englisch" for en in de), from the runtime's ICU data. */
function languageName(code: string, inLanguage: string): string {
  return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
}

export function phrasesFor(language: string | null | undefined): ReplyPhrases {
  return REPLY_PHRASES[language ?? 'en'] ?? REPLY_PHRASES.en;
}
