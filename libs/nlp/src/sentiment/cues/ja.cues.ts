import type { ComplaintCueSet } from '../complaint-cues';

const AMOUNT = String.raw`(?:\d+|[一二三四五六七八九十数何]+)`;
const SPAN = String.raw`(?:分|時間|日|週間|か月|ヶ月|カ月)`;

/** Japanese complaint cues (matched as substrings; half-width digits, as NFC leaves them). */
export const JA_CUES: ComplaintCueSet = {
  spaced: false,
  foldAccents: false,
  cues: {
    'repeat-contact': [
      // "二回目の支払い" is the second payment, not the second time of writing.
      String.raw`${AMOUNT}回目(?!の(?:支払|請求|注文|引き落と|決済))|何度も|何回も|再三|度重なる|毎回|またしても|また(?:同じ|しても|障害|壊れ|遅れ|請求|二重)`,
    ],
    waiting: [String.raw`${AMOUNT}${SPAN}(?:以上)?(?:も)?(?:待|経|たって|経って)|待たされ|いまだに|未だに|一向に`],
    unanswered: [
      String.raw`誰も(?:出|対応|答え|返事)|返事が(?:ない|ありません|ない)|返信が(?:ない|ありません)|一度も(?:返信|返事|連絡)|連絡が(?:ない|ありません|来ない)|電話が(?:つながらない|繋がらない)|たらい回し|自動返信`,
    ],
    'broken-promise': [String.raw`約束(?:された|したはず|と違う)|と言われた|はずです|はずなのに|のはずが`],
    'churn-threat': [String.raw`解約(?:します|する|したい|して)|他社に(?:乗り換え|変え)|退会(?:します|する|したい)|二度と(?:使|利用|買|頼|注文)|もう(?:使わない|利用しない|買わない)`],
    'legal-threat': [String.raw`弁護士|訴え|訴訟|裁判|法的(?:措置|手段)|消費者センター|国民生活センター|異議を申し立て|チャージバック`],
    demand: [String.raw`責任者(?:を|に|と)|上司(?:を|に|と)|返金して(?:ください|下さい)|説明して(?:ください|下さい)`],
    question: [String.raw`なぜ|どうして`],
    ultimatum: [String.raw`(?:今すぐ|直ちに|至急|早急に)(?:直|対応|返金|解決|解除)|さもなければ|(?:しない|されない)なら|(?:され|し)なければ、`],
    exasperation: [String.raw`どういうこと|ふざけ|いい加減に|信じられない|ありえない|あり得ない`],
    'service-failure': [
      // A negated service verb in a statement: something did not arrive, work or get answered.
      String.raw`(?:届|返信|連絡|返金|解決|対応|ログイン|使え|でき|開け|繋が|つなが|動)(?:き|さ|し|け|れ|ら|か)?(?:ません|ない|なかった|ませんでした)(?=[^？?]*$)`,
    ],
    sarcasm: [
      String.raw`^(?:さすが|素晴らしい|ありがとう)(?:ですね|です)?[、,。.!！…]+.{0,10}(?:また|まだ|今週|二度目|2回目)`,
      String.raw`さすがですね|大したもの|何もしてくれて(?:ありがとう|どうも)`,
    ],
  },
};
