import { generalizeSolution } from './generalize';

const JAMIE = { names: ['Jamie Doe'], emails: ['jamie@example.com'] };

describe('generalizeSolution', () => {
  it('keeps the steps and drops the customer, the card, the password and the email (finding #2)', () => {
    const resolution = 'Refunded the duplicate charge to Jamie Doe card 4111 1111 1111 1111 (jamie@example.com, password Hunter2!). Refunds take 5 business days.';
    expect(generalizeSolution(resolution, JAMIE)).toBe('Refunded the duplicate charge to [name] card [card] ([email], password [redacted]). Refunds take 5 business days.');
  });

  it.each([
    [
      'en',
      'Hi Jamie, order 4111111111111112 was refunded. Call +1 (555) 123-4567 if it is not back in 5 days.\nRegards,\nAlex Kim',
      'Hi [name], order [number] was refunded. Call [phone] if it is not back in 5 days.\nRegards,\n[name]',
    ],
    [
      'es',
      'Hola Lucía: reembolsamos el pedido nº PED-2024-88123 a la titular Lucía Gómez, tel. 612 345 678. CVV 737.',
      'Hola [name]: reembolsamos el pedido nº [number] a la titular [name], tel. [phone]. CVV •••.',
    ],
    [
      'fr',
      'Bonjour Mme Martin, la commande 98765432 est remboursée sur la carte 5555 5555 5555 4444 ; mot de passe : Soleil42',
      'Bonjour [name], la commande [number] est remboursée sur la carte [card] ; mot de passe : [redacted]',
    ],
    [
      'de',
      'Hallo Herr Müller, Kundennummer 4471-2290 geprüft, Rückerstattung auf IBAN DE89 3704 0044 0532 0130 00.\n-- Jonas Weber',
      'Hallo [name], Kundennummer [number] geprüft, Rückerstattung auf IBAN [IBAN].\n-- [name]',
    ],
    ['pt', 'Olá João, a encomenda 5566778899 foi reembolsada para joao.silva@example.pt, senha abc12345.', 'Olá [name], a encomenda [number] foi reembolsada para [email], senha [redacted].'],
    ['zh', '张伟先生，订单号２０２４１１２１５５８已退款到卡４１１１１１１１１１１１１１１１，电话１３８００１３８０００。', '[name]先生，订单号[number]已退款到卡[card]，电话[number]。'],
    [
      'ja',
      '山田様、注文番号 ＡＢ－１２３４５６７ を返金しました。パスワードはHunter2!です。電話 090-1234-5678。',
      '[name]様、注文番号 [number] を返金しました。パスワードは[redacted]です。電話 [phone]。',
    ],
  ])('generalizes a resolution written in %s', (_language, text, expected) => {
    expect(generalizeSolution(text)).toBe(expected);
  });

  it('removes a 16-digit order number that fails Luhn as a number, not as a card', () => {
    expect(generalizeSolution('Refund for 4111 1111 1111 1112 and 4111111111111112 sent.')).toBe('Refund for [number] and [number] sent.');
  });

  it("replaces the ticket's own customer wherever the name appears, in Latin or CJK script", () => {
    expect(generalizeSolution('Told Priya Natarajan that Priya can reset it from Settings.', { names: ['Priya Natarajan'] })).toBe('Told [name] that [name] can reset it from Settings.');
    expect(generalizeSolution('已通知王芳：在设置中重置即可。', { names: ['王芳'] })).toBe('已通知[name]：在设置中重置即可。');
  });

  it('leaves generic steps, dates, versions and small numbers alone', () => {
    const steps = 'Pressed Source on the projector remote and picked HDMI 2. Update to version 3.2.1 on 2026-11-21; お客様 should restart. Reset the password from Settings.';
    expect(generalizeSolution(steps)).toBe(steps);
  });
});
