import { languageByScript } from './script-rules';

const letters = (text: string) => text.replace(/\P{L}+/gu, '');

describe('languageByScript', () => {
  it.each([
    ['取消闹钟', 'zh', 'Han'],
    ['注文をキャンセルしたいです', 'ja', 'Kana'],
    ['東京駅で荷物を受け取りました', 'ja', 'Kana'],
    ['주문을 취소하고 싶어요', 'ko', 'Hangul'],
    ['Η παραγγελία μου δεν έφτασε', 'el', 'Greek'],
    ['ההזמנה שלי לא הגיעה', 'he', 'Hebrew'],
    ['คำสั่งซื้อของฉันยังไม่มาถึง', 'th', 'Thai'],
  ])('settles %s as %s', (text, code, script) => {
    expect(languageByScript(letters(text))).toMatchObject({ code, script });
  });

  it('keeps the verdict when Latin names are mixed into Chinese', () => {
    expect(languageByScript(letters('把 My Love 添加到播放列表'))?.code).toBe('zh');
  });

  it('leaves shared scripts, and a Latin text with a stray Chinese name, to the model', () => {
    expect(languageByScript(letters('Where is my parcel?'))).toBeUndefined();
    expect(languageByScript(letters('Где мой заказ?'))).toBeUndefined();
    expect(languageByScript(letters('Please ship the replacement to our office in 北京 next week'))).toBeUndefined();
    expect(languageByScript('')).toBeUndefined();
  });

  it('reports the share of letters behind the verdict', () => {
    const verdict = languageByScript(letters('Το πακέτο ABC'))!;
    expect(verdict.code).toBe('el');
    expect(verdict.share).toBeCloseTo(8 / 11, 5); // "Τοπακέτο" of "ΤοπακέτοABC"
  });
});
