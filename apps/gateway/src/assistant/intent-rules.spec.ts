import { detectIntent } from './intent-rules';

describe('detectIntent', () => {
  it.each([
    ['en', 'Please open a ticket for this'],
    ['es', 'Quiero abrir un ticket, por favor'],
    ['fr', 'Pouvez-vous ouvrir un ticket ?'],
    ['de', 'Bitte ein Ticket öffnen'],
    ['pt', 'Quero abrir um chamado'],
    ['zh', '请帮我提交工单'],
    ['ja', 'チケットを作成してください'],
  ])('%s: "%s" opens a ticket', (_language, text) => {
    expect(detectIntent(text)).toEqual({ kind: 'open-ticket' });
  });

  it.each([
    ['en', 'I want to talk to a human, please'],
    ['es', 'Quiero hablar con una persona'],
    ['fr', 'Je veux parler à un humain'],
    ['de', 'Ich möchte mit einem Menschen sprechen, bitte einen Mitarbeiter'],
    ['pt', 'Quero falar com uma pessoa'],
    ['zh', '我要转人工'],
    ['ja', 'オペレーターと話したいです'],
  ])('%s: "%s" asks for a human', (_language, text) => {
    expect(detectIntent(text)).toEqual({ kind: 'handover' });
  });

  it.each([
    ['en', 'What is the status of #123?', 123],
    ['es', '¿Cuál es el estado del ticket 123?', 123],
    ['fr', 'Où en est le ticket #123 ?', 123],
    ['de', 'Wie ist der Stand von Ticket 123?', 123],
    ['pt', 'Qual é a situação do chamado 123?', 123],
    ['zh', '工单123的状态是什么？', 123],
    ['ja', 'チケット123のステータスを教えて', 123],
  ])('%s: "%s" asks for the status of a ticket', (_language, text, number) => {
    expect(detectIntent(text)).toEqual({ kind: 'ticket-status', number });
  });

  it('asks for a status without a number when none is given', () => {
    expect(detectIntent('What is the status of my ticket?')).toEqual({ kind: 'ticket-status', number: null });
  });

  it.each([
    ['en', 'That solved it, thanks!'],
    ['es', 'Eso lo resolvió, gracias'],
    ['fr', 'Ça a marché, merci !'],
    ['de', 'Das hat geholfen, danke'],
    ['pt', 'Isso resolveu, obrigado'],
    ['zh', '解决了，谢谢'],
    ['ja', '解決しました。ありがとうございます'],
  ])('%s: "%s" marks the conversation solved', (_language, text) => {
    expect(detectIntent(text)).toEqual({ kind: 'solved' });
  });

  it.each([
    ['en', 'How do I reset my password?'],
    ['es', '¿Cómo cambio mi contraseña?'],
    ['fr', 'Comment réinitialiser mon mot de passe ?'],
    ['de', 'Wie setze ich mein Passwort zurück?'],
    ['pt', 'Como redefinir minha senha?'],
    ['zh', '如何重置密码？'],
    ['ja', 'パスワードをリセットする方法は？'],
  ])('%s: "%s" is a question for the knowledge base', (_language, text) => {
    expect(detectIntent(text)).toEqual({ kind: 'question' });
  });
});
