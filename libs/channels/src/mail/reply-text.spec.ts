import { stripQuotedReply } from './reply-text';

describe('stripQuotedReply', () => {
  it.each([
    ['English client header', 'Thanks, that worked.\n\nOn Tue, 2 Dec 2026 at 09:14, Support <support@example.com> wrote:\n> Try again now.'],
    ['Spanish', 'Thanks, that worked.\n\nEl mar, 2 dic 2026 a las 9:14, Soporte <support@example.com> escribió:\n> Pruebe de nuevo.'],
    ['French', 'Thanks, that worked.\n\nLe mar. 2 déc. 2026 à 09:14, Support <support@example.com> a écrit :\n> Réessayez.'],
    ['German', 'Thanks, that worked.\n\nAm Di., 2. Dez. 2026 um 09:14 Uhr schrieb Support <support@example.com>:\n> Bitte erneut.'],
    ['Portuguese', 'Thanks, that worked.\n\nEm ter., 2 de dez. de 2026 às 09:14, Suporte <support@example.com> escreveu:\n> Tente de novo.'],
    ['Outlook block', 'Thanks, that worked.\n\nFrom: Support <support@example.com>\nSent: Tuesday, December 2, 2026 9:14 AM\nTo: me\nSubject: Re: login'],
    ['Original Message line', 'Thanks, that worked.\n\n-----Original Message-----\nFrom: Support'],
    ['signature delimiter', 'Thanks, that worked.\n\n-- \nNora Field\nACME Ltd'],
    ['phone sign-off', 'Thanks, that worked.\n\nSent from my iPhone'],
    ['trailing quote block', 'Thanks, that worked.\n\n> Try again now.\n> Regards'],
  ])('cuts the %s', (_name, text) => {
    expect(stripQuotedReply(text)).toBe('Thanks, that worked.');
  });

  it('keeps a quote the writer answers inline below', () => {
    const text = '> Which order?\n4411, placed on Monday.';
    expect(stripQuotedReply(text)).toBe(text);
  });

  it('keeps a mail that is nothing but a quote rather than leaving it empty', () => {
    expect(stripQuotedReply('> forwarded text')).toBe('> forwarded text');
  });
});
