import { ChromaClient } from 'chromadb';
import { freePort } from '@smartdesk/vector-store';
import { ApiClient } from '../support/api-client';
import { AppProcess, startAll, stopAll, WORKERS } from '../support/app-process';
import { ADMIN, seedDemoAccounts } from '../support/demo-accounts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

interface Person {
  customerName: string;
  customerEmail: string;
}

/** One customer's solved ticket full of personal data, and another customer asking the same thing, in one language. */
interface Case {
  language: string;
  solved: Person & { subject: string; description: string; resolution: string };
  /** The generalized step the other customer's reply must still carry. */
  step: string;
  /** Everything of the first customer that must never reach anyone else. */
  personal: string[];
  asker: Person & { subject: string; description: string };
}

const CASES: Case[] = [
  {
    language: 'en',
    solved: {
      customerName: 'Jamie Doe',
      customerEmail: 'jamie.doe@example.com',
      subject: 'Pop-up store loyalty points missing - Jamie Doe',
      description:
        'Hi, I am Jamie Doe (jamie.doe@example.com, +1 (555) 123-4567). The loyalty points from my purchase at the pop-up store never arrived. Order 4111111111111112. I paid with card 4111 1111 1111 1111, CVV 737. My account password is Hunter2!',
      resolution:
        '<b>Credited</b> the missing loyalty points to Jamie Doe by hand from the pop-up store sales list (order 4111111111111112, card 4111 1111 1111 1111, jamie.doe@example.com, password Hunter2!). Pop-up store points always need a manual credit; they show up within 24 hours.',
    },
    step: 'Pop-up store points always need a manual credit; they show up within 24 hours.',
    personal: ['Jamie', 'Doe', 'jamie.doe@example.com', '(555) 123-4567', '4111', 'Hunter2', '737'],
    asker: {
      customerName: 'Noor Haddad',
      customerEmail: 'noor@example.com',
      subject: 'Loyalty points from the pop-up store are missing',
      description: 'I bought something at your pop-up store last week and the loyalty points were never added to my account.',
    },
  },
  {
    language: 'es',
    solved: {
      customerName: 'Lucía Gómez',
      customerEmail: 'lucia.gomez@example.es',
      subject: 'Faltan los puntos de fidelidad de la tienda pop-up',
      description:
        'Hola, soy Lucía Gómez (lucia.gomez@example.es, tel. +34 612 345 678). No recibí los puntos de fidelidad de mi compra en la tienda pop-up. Pedido nº PED-2024-88123. Pagué con la tarjeta 5555 5555 5555 4444, código de seguridad 737. Mi contraseña es Gato-feliz9.',
      resolution:
        'Abonamos a mano los puntos a Lucía Gómez desde la lista de ventas de la tienda pop-up (pedido PED-2024-88123, tarjeta 5555 5555 5555 4444, contraseña: Gato-feliz9, lucia.gomez@example.es). Los puntos de la tienda pop-up siempre requieren un abono manual; aparecen en 24 horas.',
    },
    step: 'Los puntos de la tienda pop-up siempre requieren un abono manual; aparecen en 24 horas.',
    personal: ['Lucía', 'Gómez', 'lucia.gomez', '612 345 678', '5555', 'Gato-feliz9', 'PED-2024-88123', '737'],
    asker: {
      customerName: 'Pablo Ruiz',
      customerEmail: 'pablo@example.es',
      subject: 'No me han sumado los puntos de fidelidad de la tienda pop-up',
      description: 'Compré en la tienda pop-up la semana pasada y los puntos de fidelidad no aparecen en mi cuenta.',
    },
  },
  {
    language: 'fr',
    solved: {
      customerName: 'Camille Martin',
      customerEmail: 'camille.martin@example.fr',
      subject: 'Points de fidélité du magasin éphémère manquants',
      description:
        "Bonjour, je suis Camille Martin (camille.martin@example.fr, 06 12 34 56 78). Les points de fidélité de mon achat au magasin éphémère ne sont jamais arrivés. Commande 98765432. J'ai payé avec la carte 4000 0566 5566 5556, cryptogramme 737. Mon mot de passe : Soleil42!",
      resolution:
        'Points crédités à la main pour Camille Martin depuis la liste des ventes du magasin éphémère (commande 98765432, carte 4000 0566 5566 5556, mot de passe : Soleil42!, camille.martin@example.fr). Les points du magasin éphémère demandent toujours un crédit manuel ; ils apparaissent sous 24 heures.',
    },
    step: 'Les points du magasin éphémère demandent toujours un crédit manuel ; ils apparaissent sous 24 heures.',
    personal: ['Camille', 'Martin', 'camille.martin', '06 12 34 56 78', '4000', 'Soleil42', '98765432', '737'],
    asker: {
      customerName: 'Louis Bernard',
      customerEmail: 'louis@example.fr',
      subject: 'Mes points de fidélité du magasin éphémère manquent',
      description: "J'ai acheté au magasin éphémère la semaine dernière et les points de fidélité ne sont pas sur mon compte.",
    },
  },
  {
    language: 'de',
    solved: {
      customerName: 'Jonas Müller',
      customerEmail: 'jonas.mueller@example.de',
      subject: 'Treuepunkte aus dem Pop-up-Store fehlen',
      description:
        'Hallo, hier ist Jonas Müller (jonas.mueller@example.de, Tel. +49 30 1234 5678). Die Treuepunkte für meinen Einkauf im Pop-up-Store sind nie angekommen. Bestellnummer 55123498. Bezahlt mit Karte 3782 822463 10005, Prüfnummer 7373. Mein Passwort lautet Geheim#77.',
      resolution:
        'Die Punkte für Jonas Müller von Hand aus der Verkaufsliste des Pop-up-Stores gutgeschrieben (Bestellnummer 55123498, Karte 3782 822463 10005, Passwort: Geheim#77, jonas.mueller@example.de). Punkte aus dem Pop-up-Store brauchen immer eine manuelle Gutschrift; sie erscheinen innerhalb von 24 Stunden.',
    },
    step: 'Punkte aus dem Pop-up-Store brauchen immer eine manuelle Gutschrift; sie erscheinen innerhalb von 24 Stunden.',
    personal: ['Jonas', 'Müller', 'jonas.mueller', '1234 5678', '3782', 'Geheim#77', '55123498', '7373'],
    asker: {
      customerName: 'Lena Schmidt',
      customerEmail: 'lena@example.de',
      subject: 'Meine Treuepunkte aus dem Pop-up-Store fehlen',
      description: 'Ich habe letzte Woche im Pop-up-Store eingekauft und die Treuepunkte fehlen in meinem Konto.',
    },
  },
  {
    language: 'pt',
    solved: {
      customerName: 'João Silva',
      customerEmail: 'joao.silva@example.pt',
      subject: 'Pontos de fidelidade da loja pop-up em falta',
      description:
        'Olá, sou o João Silva (joao.silva@example.pt, +351 912 345 678). Os pontos de fidelidade da minha compra na loja pop-up nunca chegaram. Encomenda 5566778899. Paguei com o cartão 6011 1111 1111 1117, código de segurança 737. A minha senha é Praia2024!',
      resolution:
        'Creditámos os pontos manualmente ao João Silva a partir da lista de vendas da loja pop-up (encomenda 5566778899, cartão 6011 1111 1111 1117, senha: Praia2024!, joao.silva@example.pt). Os pontos da loja pop-up precisam sempre de um crédito manual; aparecem em 24 horas.',
    },
    step: 'Os pontos da loja pop-up precisam sempre de um crédito manual; aparecem em 24 horas.',
    personal: ['João', 'Silva', 'joao.silva', '912 345 678', '6011', 'Praia2024', '5566778899', '737'],
    asker: {
      customerName: 'Beatriz Costa',
      customerEmail: 'beatriz@example.pt',
      subject: 'Os meus pontos de fidelidade da loja pop-up em falta',
      description: 'Comprei na loja pop-up na semana passada e os pontos de fidelidade não aparecem na minha conta.',
    },
  },
  {
    language: 'zh',
    solved: {
      customerName: '王芳',
      customerEmail: 'wang.fang@example.cn',
      subject: '快闪店的积分没有到账',
      description:
        '您好，我是王芳（wang.fang@example.cn，电话１３８００１３８０００）。我在快闪店购物的积分一直没有到账。订单号２０２４１１２１５５８。我用卡４１１１　１１１１　１１１１　１１１１付款，安全码７３７。我的密码是Mima2024!',
      resolution:
        '已根据快闪店销售清单为王芳手动补发积分（订单号２０２４１１２１５５８，卡号４１１１１１１１１１１１１１１１，密码：Mima2024!，wang.fang@example.cn）。快闪店的积分总是需要手动补发，24小时内到账。',
    },
    step: '快闪店的积分总是需要手动补发，24小时内到账。',
    personal: ['王芳', 'wang.fang', '１３８００１３８０００', '４１１１', 'Mima2024', '２０２４１１２１５５８', '７３７'],
    asker: { customerName: '李雷', customerEmail: 'li.lei@example.cn', subject: '快闪店购物的积分没有到账', description: '我上周在快闪店购物，但积分一直没有到账。' },
  },
  {
    language: 'ja',
    solved: {
      customerName: '山田 太郎',
      customerEmail: 'yamada.taro@example.jp',
      subject: 'ポップアップストアのポイントが付与されていません',
      description:
        '山田太郎です（yamada.taro@example.jp、電話 090-1234-5678）。ポップアップストアでの購入分のポイントが届きません。注文番号 ＡＢ－１２３４５６７。カード５５５５－５５５５－５５５５－４４４４で支払い、セキュリティコードは７３７です。パスワードはSakura2024!です。',
      resolution:
        'ポップアップストアの売上リストから山田様のポイントを手動で付与しました（注文番号 ＡＢ－１２３４５６７、カード５５５５－５５５５－５５５５－４４４４、パスワード：Sakura2024!、yamada.taro@example.jp）。ポップアップストアのポイントは常に手動付与が必要で、24時間以内に反映されます。',
    },
    step: 'ポップアップストアのポイントは常に手動付与が必要で、24時間以内に反映されます。',
    personal: ['山田', '太郎', 'yamada.taro', '090-1234-5678', '５５５５', 'Sakura2024', '１２３４５６７', '７３７'],
    asker: {
      customerName: '佐藤 花子',
      customerEmail: 'hanako@example.jp',
      subject: 'ポップアップストアで買った分のポイントが付与されていません',
      description: '先週ポップアップストアで購入しましたが、ポイントがまだ付与されていません。',
    },
  },
];

/** Every piece of personal data of every solved ticket, in every language. */
const PERSONAL = CASES.flatMap((c) => [...c.personal, c.solved.customerEmail]);
const leaked = (text: string) => PERSONAL.filter((value) => text.includes(value));
/**
 * What a reply shows people: its text and its sources' titles. Not the whole JSON: a CVV such as 737 turns up by
 * chance in a source's score or in a uuid.
 */
const shownText = (reply: { body: string; sources: { title: string }[] }) => [reply.body, ...reply.sources.map((source) => source.title)].join('\n');
const TAG = /<[A-Za-z/!?]/;

/**
 * Solved tickets reused for other customers, through the real gateway, workers, Postgres and Chroma: the reply carries
 * the generalized solution, never the first customer's name, email, phone, order number, card, CVV or password.
 */
describe('solved tickets reused without their customer (security #15, finding 2)', () => {
  let apps: AppProcess[] = [];
  let env: TestEnvironment | undefined;
  let admin: ApiClient;
  let api: ApiClient;

  beforeAll(async () => {
    env = await createTestEnvironment('e2e_private_solutions');
    const port = await freePort();
    Object.assign(env.vars, { PORT: String(port) });
    apps = await startAll(['gateway', ...WORKERS], env.vars);
    api = new ApiClient(`http://127.0.0.1:${port}`);
    const { password } = await seedDemoAccounts(env.vars);
    admin = await api.signIn(ADMIN, password);
  }, 90_000);

  afterAll(async () => {
    await stopAll(apps);
    await env?.cleanup();
  });

  /** Posts a ticket and returns it once its first suggested reply is written. */
  async function triage(ticket: Record<string, unknown>) {
    const created = await api.post('/api/tickets', ticket);
    expect(created.status).toBe(201);
    return waitFor(
      async () => {
        const { body } = await admin.get(`/api/tickets/${created.body.id}`);
        return body.suggestedResponse ? body : undefined;
      },
      30_000,
      `ticket ${created.body.id} to get a suggested reply`,
    );
  }

  /** The ticket's reply once it draws on a solved ticket (asking again while the index catches up with a resolution). */
  async function replyFromSolvedTicket(ticketId: string) {
    return waitFor(
      async () => {
        const latest = (await admin.get(`/api/tickets/${ticketId}`)).body.suggestedResponse;
        if (latest.sources[0]?.kind === 'ticket') return latest;
        const requested = await admin.post(`/api/tickets/${ticketId}/response`);
        await waitFor(async () => (await admin.get(requested.body.location)).status === 200, 20_000, 'the fresh response');
        return undefined;
      },
      60_000,
      `a reply to ${ticketId} drawn from a solved ticket`,
    );
  }

  it('answers other customers in all seven languages with the generalized steps and none of the personal data', async () => {
    const solved = await Promise.all(
      CASES.map(async (c) => {
        const { customerName, customerEmail, subject, description, resolution } = c.solved;
        const ticket = await triage({ customerName, customerEmail, subject, description });
        expect((await admin.put(`/api/tickets/${ticket.id}/resolve`, { resolution })).status).toBe(200);
        return ticket;
      }),
    );
    // The seven solutions say the same in seven languages: any of them may rank first (cross-lingual retrieval), and
    // the reply must carry the generalized step of the one it cites.
    const caseOf = new Map(solved.map((ticket, index) => [ticket.id, CASES[index]]));

    for (const c of CASES) {
      const asked = await triage({ ...c.asker });
      const reply = await replyFromSolvedTicket(asked.id);
      const cited = caseOf.get(reply.sources[0].ticketId);
      expect(cited).toBeDefined();
      expect({ language: c.language, leaked: leaked(shownText(reply)) }).toEqual({ language: c.language, leaked: [] });
      expect(reply.body).not.toMatch(TAG);
      expect(reply.body).toContain(cited!.step);
      expect(reply.body).not.toMatch(/\]\]/);
      expect(reply.body).toContain(c.asker.customerName.split(' ')[0]);
    }

    // What was indexed is generalized too: the tickets collection in Chroma holds none of it.
    const url = new URL(env!.vars.CHROMA_URL);
    const chroma = new ChromaClient({ host: url.hostname, port: Number(url.port) });
    const collection = (await chroma.listCollections()).find((candidate) => candidate.name.startsWith(`${env!.vars.CHROMA_COLLECTION_PREFIX}-tickets-`));
    const { documents } = await collection!.get({ include: ['documents'] });
    expect(documents.length).toBeGreaterThanOrEqual(CASES.length);
    expect(leaked(documents.join('\n'))).toEqual([]);
  }, 300_000);

  it('stores a subject with HTML as written, and repeats it in the suggested reply as plain text (finding 11)', async () => {
    const subject = '<img src=x onerror=alert(1)>Charged <b>twice</b> on card 4242 4242 4242 4242';
    const ticket = await triage({ customerName: '<script>alert(2)</script>Ola Berg', customerEmail: 'ola@example.com', subject, description: 'I was charged twice for the same order.' });
    // Stored as the customer wrote it (the API returns JSON data; a UI renders it as text).
    expect((await admin.get(`/api/tickets/${ticket.id}/sensitive`)).body.subject).toBe(subject);
    const body: string = ticket.suggestedResponse.body;
    expect(body).not.toMatch(TAG);
    expect(body).toContain('Charged twice on card [card ••••4242]');
    expect(body).not.toContain('4242 4242');
  }, 60_000);
});
