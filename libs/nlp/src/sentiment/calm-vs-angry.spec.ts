import { SentimentAnalyzer } from './sentiment-analyzer';

/**
 * The shipped escalation rules (config/escalation.yml) read a score at or below -0.5 on a high-priority
 * ticket, and at or below -0.6 on any ticket, as an upset customer.
 */
const HIGH_PRIORITY_ESCALATES_AT = -0.5;
const ANY_PRIORITY_ESCALATES_AT = -0.6;

/** Customers who report a problem, however long they waited or however much went wrong, without heat. */
const CALM: Record<string, string[]> = {
  en: [
    'My parcel has not arrived, can you check?',
    'Hi, I have been waiting ten days for my order and it still has not arrived. The tracking has not moved since last Tuesday and nobody has called me back yet. Could you check with the courier? Thanks.',
    'The VPN fails to connect since this morning, it times out after a minute and the error says the server is unreachable.',
    'Why was my card charged twice for order 77120? I only placed one order. Please help!',
  ],
  es: [
    'Desde esta mañana la VPN no se conecta desde casa, se queda esperando un minuto y falla.',
    'Mi paquete todavía no ha llegado, ¿podéis comprobarlo?',
    'Hola, llevo dos semanas esperando el reembolso de las zapatillas que devolví y sigo sin noticias. ¿Me podéis decir cuándo lo recibiré? Gracias.',
  ],
  fr: [
    "Mon colis n'est pas encore arrivé, pouvez-vous vérifier ?",
    "Bonjour, j'attends ma commande depuis dix jours et elle n'est toujours pas arrivée. Le suivi ne bouge plus et personne ne m'a rappelé. Pourriez-vous vérifier auprès du transporteur ? Merci.",
    "L'imprimante ne fonctionne pas, elle affiche une erreur et rien ne sort.",
  ],
  de: [
    'Ich warte seit zehn Tagen auf mein Paket, es ist immer noch nicht angekommen. Können Sie das prüfen?',
    'Der Drucker im dritten Stock hat schon wieder Papierstau und zeigt Fehler 41.',
    'Hallo, meine Erstattung ist seit drei Wochen überfällig, ich habe noch keine Rückmeldung bekommen und der Status steht immer noch auf „in Bearbeitung“. Das E-Mail-Postfach funktioniert nicht. Könnten Sie nachsehen? Vielen Dank.',
  ],
  pt: [
    'Minha encomenda ainda não chegou, podem verificar?',
    'Olá, estou esperando há dez dias pelo meu pedido e ainda não chegou. O rastreamento não muda desde terça e ninguém me retornou. Podem verificar com a transportadora? Obrigado.',
    'O e-mail não funciona no celular desde a atualização.',
  ],
  zh: ['我的包裹还没到，能帮我查一下吗？', '您好，我十天前下的订单到现在还没收到，物流一直没有更新，也没有人联系我。麻烦帮我问一下快递公司，谢谢。', 'VPN连不上，一分钟后就超时了，用不了。'],
  ja: [
    '荷物がまだ届いていません。確認していただけますか。',
    '10日前に注文した商品がまだ届いていません。追跡情報も更新されず、連絡もありません。配送業者に確認していただけますか。よろしくお願いします。',
    '注文77120で二回目の支払いが引き落とされていました。確認をお願いします。',
  ],
};

/** Repeat contact, ultimatums, legal and churn threats, insults, all-caps rage, sarcasm, indignation. */
const ANGRY: Record<string, string[]> = {
  en: [
    'Third time I write, refund me today or I call my lawyer.',
    'WHERE IS MY ORDER?! THIS IS THE WORST SERVICE EVER. FIX IT NOW!!!',
    'Fix it now. I have waited three weeks for this refund.',
    "I'm really frustrated. Still no refund after 3 weeks and nobody answers.",
    'You people are useless liars. I have been waiting a month for a refund you promised, nobody answers, and I am done: cancel my account, I am moving to a competitor.',
  ],
  es: [
    'Es la tercera vez que escribo. Devolvedme el dinero hoy o llamo a mi abogado.',
    '¡¿DÓNDE ESTÁ MI PEDIDO?! ES EL PEOR SERVICIO QUE HE VISTO.',
    'Sois unos incompetentes. Llevo un mes esperando el reembolso que me prometisteis y nadie contesta. Estoy harta, me doy de baja y me voy a la competencia.',
  ],
  fr: [
    "C'est la troisième fois que j'écris. Remboursez-moi aujourd'hui ou j'appelle mon avocat.",
    "OÙ EST MA COMMANDE ?! C'EST LE PIRE SERVICE QUE J'AI JAMAIS VU !!!",
    'Bravo, encore une livraison annulée. Merci pour rien. Plus jamais je ne commande chez vous.',
  ],
  de: [
    'Ich schreibe jetzt zum dritten Mal. Erstatten Sie mir das Geld heute, oder ich schalte meinen Anwalt ein.',
    'SCHON WIEDER doppelt abgebucht! Das ist eine Frechheit, ich kündige.',
    'Na toll, schon wieder eine stornierte Lieferung. Danke für nichts. Bei Ihnen bestelle ich nie wieder.',
    'Das ist doch ein Witz. Seit drei Wochen keine Antwort, keine Erstattung, nichts. Was soll das?',
  ],
  pt: [
    'É a terceira vez que escrevo. Me devolvam o dinheiro hoje ou vou chamar meu advogado.',
    'CADÊ MEU PEDIDO?! É O PIOR ATENDIMENTO QUE JÁ VI. RESOLVAM ISSO AGORA!!!',
    'Vocês são incompetentes e mentirosos. Prometeram o reembolso há um mês e ninguém responde. Vou cancelar e mudar para a concorrência.',
  ],
  zh: [
    '这是我第三次写信了。今天必须给我退款，不然我就找律师。',
    '你们的客服根本没用，每个人说的都不一样。我受够了，我要注销账户，换别家！',
    '真棒，又一次取消配送。谢谢你们什么都没做。我再也不会在你们这里买东西了。',
    '三个星期了还没退款，也没人回复。你们到底怎么回事？',
  ],
  ja: [
    '連絡するのはこれで三回目です。今日中に返金しないなら弁護士に相談します。',
    'サポートが全く役に立ちません。もう我慢できません。解約して他社に乗り換えます。',
    '素晴らしいですね、また配達がキャンセルです。何もしてくれてありがとう。二度と注文しません。',
  ],
};

describe('calm and angry customers in the seven languages', () => {
  const analyzer = new SentimentAnalyzer();

  describe.each(Object.keys(CALM))('%s', (language) => {
    it.each(CALM[language])('reads a calm problem report as no worse than mildly negative: %s', (text) => {
      expect(analyzer.analyze(text, language).score).toBeGreaterThan(HIGH_PRIORITY_ESCALATES_AT);
    });

    it.each(ANGRY[language])('reads an angry customer as negative enough to escalate at any priority: %s', (text) => {
      const result = analyzer.analyze(text, language);
      expect(result.label).toBe('negative');
      expect(result.score).toBeLessThanOrEqual(ANY_PRIORITY_ESCALATES_AT);
    });
  });

  it('does not let failures, waits and missing answers stack up into anger, but keeps them negative', () => {
    const short = analyzer.analyze('Mein Paket ist noch nicht angekommen.', 'de');
    const long = analyzer.analyze(
      'Ich warte seit zehn Tagen auf mein Paket, es ist immer noch nicht angekommen, niemand hat sich gemeldet und die Sendungsverfolgung zeigt keinen Fehler. Können Sie das prüfen?',
      'de',
    );
    expect(short.label).toBe('negative');
    expect(long.label).toBe('negative');
    expect(long.score).toBeLessThan(short.score);
    expect(long.score).toBeGreaterThan(HIGH_PRIORITY_ESCALATES_AT);
  });

  it('lets praise offset the problems before the cap, never flipping a complaint to positive', () => {
    const thanked = analyzer.analyze('Thanks for the quick reply yesterday, but the parcel still has not arrived, the tracking is stuck and the courier never called back.', 'en');
    expect(thanked.label).toBe('negative');
  });
});
