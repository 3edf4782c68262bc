import { plainText } from './plain-text';

describe('plainText', () => {
  it.each([
    ['<script>alert(1)</script>Refund', 'alert(1)Refund'],
    ['Charged <b>twice</b>', 'Charged twice'],
    ['<img src=x onerror=alert(1)>Login', 'Login'],
    ['<!-- x -->Hi', 'Hi'],
    ['broken <img src=x onerror=alert(1)', 'broken ‹img src=x onerror=alert(1)'],
    ['2 < 3 and 5 > 4', '2 < 3 and 5 > 4'],
  ])('%s', (text, expected) => {
    expect(plainText(text)).toBe(expected);
    expect(plainText(text)).not.toMatch(/<[A-Za-z/!?]/);
  });
});
