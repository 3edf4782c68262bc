import type { ComplaintCueSet } from '../complaint-cues';

const AMOUNT = String.raw`(?:\d+|[一二两三四五六七八九十几半]+)`;
const SPAN = String.raw`(?:分钟|个?小时|个?钟头|天|周|个?星期|个?月)`;

/** Simplified Chinese complaint cues (matched as substrings: Chinese has no spaces). */
export const ZH_CUES: ComplaintCueSet = {
  spaced: false,
  foldAccents: false,
  cues: {
    'repeat-contact': [String.raw`第[二三四五六七八九十\d]+次`, String.raw`又一次|再一次|一次又一次|三番五次|多少次|好几次|无数次|反复|每次都|又(?:是|出现|坏|扣|延迟|挂|宕机)`],
    waiting: [String.raw`还在等|一直在?等|等了${AMOUNT}?多?${SPAN}|${AMOUNT}多?${SPAN}(?:了|过去了|都没|还没)`, String.raw`到现在(?:都|还)?没|迟迟(?:没|不)|至今(?:没|未)|排队`],
    unanswered: [
      String.raw`没人(?:回复|理|接|管|回|处理)|没有人(?:回复|理|接|管|回|处理)|无人(?:回复|接听|处理)`,
      String.raw`(?:一封|一条|任何)?(?:回复|答复|回应)都没有|不回复|不理人|打不通|没人接|挂(?:了|断)我(?:的)?电话|转来转去|踢皮球|自动回复`,
    ],
    'broken-promise': [String.raw`承诺|答应(?:过|了)|说好的|保证过`, String.raw`本(?:应|该)(?:到|收到)|应该早就`],
    'churn-threat': [String.raw`销户|注销(?:账号|账户)|退订|换(?:一?家|别家|其他|平台)|再也不(?:买|用|来)|再也不会.{0,8}(?:买|用|来)|不会再(?:买|用|来)|不推荐|取消(?:会员|订阅|合同)`],
    'legal-threat': [String.raw`律师|起诉|法院|法律(?:途径|手段|责任)|拒付|消费者协会|消协|12315|工商局|市场监管|曝光|举报`],
    demand: [String.raw`(?:找|叫)你们(?:的)?(?:领导|经理|主管|负责人)|人工客服|转人工`, String.raw`必须(?:给我)?(?:解决|退|赔|换)|要求(?:赔偿|退款|解释)`],
    question: [String.raw`为什么(?:还|又|没|不|一直|总是)|怎么还没`],
    ultimatum: [String.raw`(?:马上|立刻|立即|赶紧|今天之内)(?:给我)?(?:解决|处理|退款|退钱|退|修好|解锁)|否则|不然(?:我)?就`],
    exasperation: [String.raw`怎么(?:回事|可能|能这样)|什么(?:破|烂)|搞什么|到底(?:怎么|什么|要)|有没有人`, String.raw`简直|离谱|太过分|开玩笑吧|无语`],
    'service-failure': [
      // A negated service verb in a statement: something did not arrive, work or get answered.
      String.raw`(?:没有?|未|无法|不能|不了)(?:收到|到账|到货|回复|退款|退回|解决|处理|发货|送达|联系上|打开|登录|登陆|使用|反应)(?=[^？?]*$)`,
    ],
    sarcasm: [String.raw`^(?:真棒|太好了|真好|厉害|好样的|谢谢|多谢|呵呵)[，,。.!！…]+.{0,8}(?:又|还没|还是)`, String.raw`谢谢你们啊|谢谢.{0,4}什么都没|真是(?:谢谢|太感谢)了?你们|呵呵`],
  },
};
