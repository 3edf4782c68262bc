import type { ComplaintCueSet } from '../complaint-cues';

/** A number and its space, if any: "2 hours", "2hrs", "two hours", "a few days". */
const AMOUNT = String.raw`(?:\d+(?:\.\d+)?\+? ?|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|several|many|a few|a couple of|couple of) )`;
const SPAN = String.raw`(?:min(?:ute)?s?|hours?|hrs?|h|days?|weeks?|wks?|months?)`;
const ABOUT = String.raw`(?:(?:over|more than|almost|nearly|about|another|at least|well over)\s+)?`;
const NOT = String.raw`(?:not|never|no|haven'?t|hasn'?t|didn'?t|don'?t|doesn'?t|won'?t|can'?t|cannot|isn'?t|aren'?t|wasn'?t)`;
const BAD_EVENT = String.raw`(?:delay(?:ed|s)?|late|cancel+(?:ed|ing|ation)?|lost|losing|missing|broken|broke|stuck|stranded|outage|down|crash(?:ed|ing)?|wait(?:ing)?|charged?|fees?|error|problem|issue)`;

/** English complaint cues: the customer-service vocabulary of frustration, not any one company's. */
export const EN_CUES: ComplaintCueSet = {
  spaced: true,
  foldAccents: false,
  cues: {
    'repeat-contact': [
      String.raw`(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\d+th) (?:time|call|email|message|attempt|request)`,
      String.raw`(?:once|yet) again`,
      String.raw`again and again|over and over(?: again)?|time after time`,
      String.raw`how many (?:more )?times`,
      String.raw`(?:multiple|several|many|countless|numerous|\d+) (?:times|calls|emails|attempts)`,
      String.raw`(?:called|emailed|written|wrote|contacted|messaged|asked|tried|complained)(?: (?:you|this|about this|it))? (?:twice|\w+ times|already)`,
      String.raw`(?:keep|kept|been) (?:calling|asking|writing|emailing|getting|telling|sending|saying|happening|charging|trying|chasing|following up)`,
      String.raw`(?:always|constantly|still|again) happen(?:s|ing)|happens? (?:all the time|every (?:single )?time|again)`,
      String.raw`not the first time|every (?:single )?time i`,
      String.raw`(?:letter|email|call|message) after (?:letter|email|call|message)`,
      String.raw`${BAD_EVENT} again|again\W{0,3}(?:really|seriously)|again\s*(?:!|[.…]{2,})`,
    ],
    waiting: [
      String.raw`(?:on|put on|placed on|kept on) hold`,
      String.raw`hold (?:time|times|music)`,
      String.raw`(?:still|been|keep|kept|are|am|is) (?:\w+ )?waiting`,
      String.raw`wait(?:ed|ing)? (?:for )?${ABOUT}${AMOUNT}${SPAN}`,
      String.raw`${ABOUT}${AMOUNT}(?:more )?${SPAN}(?: of)? (?:late|later|delay(?:ed)?|on hold|hold|wait|waiting|on the phone|in line|in a queue|in the queue|on the tarmac|without|and (?:still|no|counting|nothing)|now)`,
      String.raw`(?:for|after) (?:over|more than|almost|nearly|well over) ${AMOUNT}${SPAN}|(?:for|in) the (?:past|last) (?:${AMOUNT})?${SPAN}`,
      String.raw`(?:sit|sitting|sat|stuck|stranded|standing|stood|waiting|waited|holding|queu(?:e|ing)|in line|on the phone|on the line|calling|trying) (?:\w+ ){0,3}(?:for|over) ${ABOUT}${AMOUNT}${SPAN}`,
      String.raw`(?<!(?:\d|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|many|of) )(?:hours|days|weeks|ages) ago|long (?:lines?|queues?|waits?|hold)|(?:it'?s|it has|has|have|i'?ve) (?:now )?been ${ABOUT}${AMOUNT}${SPAN}`,
      String.raw`(?:lost|lose|losing|wasted|wasting|waste of) (?:\w+ ){0,2}(?:day|days|hours?|time|morning|afternoon|evening|night|week|vacation|holiday|money)`,
      String.raw`(?:for|since) (?:hours|days|weeks|months|ages|forever)|(?:wait(?:ed|ing)?|took|taking|takes) forever`,
      String.raw`(?:hours|days|weeks|months) (?:later|now|on end)|all (?:day|night|morning|afternoon|week)`,
      String.raw`still (?:${NOT}|nothing|pending|broken|missing|unresolved|stuck|down|charged|charging|on hold|no word|no sign|trying|sitting|waiting|here|on the (?:plane|phone|tarmac|line))`,
      String.raw`yet to (?:receive|hear|get|see|be|respond|reply|answer|call)`,
      String.raw`no (?:word|news|sign|update) (?:yet|still)`,
      String.raw`(?:taking|takes|took|taken) (?:so|too|this|that|way too|far too) long`,
      String.raw`how (?:much )?long(?:er)? (?:do|does|will|must|should|am|are|is|have|has)`,
    ],
    unanswered: [
      String.raw`no(?: ?one|body) (?:has|have|is|was|will|can|could|seems|wants|bothered|bothers|even)|no(?: ?one|body) (?:(?:\w+ ){0,2})?(?:answers?|answered|answering|responds?|responded|responding|repl(?:y|ied|ies|ying)|helps?|helped|helping|cares?|knows|picks? up|picked up|calls? (?:me )?back|called (?:me )?back|gets? back|got back|is (?:available|there|answering|helping)|was (?:available|there))`,
      String.raw`(?:no|zero|without (?:a|any)|never (?:got|received) (?:a|any)|not (?:a|one|a single)) (?:single )?(?:response|reply|replies|answer|answers|call ?back|callback|follow[- ]?up|acknowledge?ment|explanation|information|info|updates?|help|assistance|apology|communication|correspondence|contact|solution)`,
      String.raw`(?:haven'?t|hasn'?t|have not|has not|never|didn'?t|did not) (?:\w+ )?(?:heard (?:back|anything|from)|responded|replied|answered|called (?:me |us )?back|got(?:ten)? back|been contacted)`,
      String.raw`hung up(?: on)?|hang(?:s|ed|ing)? up on`,
      String.raw`(?:\w+ )?(?:different|conflicting|contradictory) (?:answers|stories|information|info|excuses|responses)`,
      String.raw`(?:can'?t|cannot|couldn'?t|unable to|impossible to|no way to) (?:get (?:through|hold of|a hold of|an answer|anyone|a human|a person)|reach|contact|speak to|talk to)`,
      String.raw`(?:automated|canned|generic|copy[- ]?paste[d]?|scripted|form|template) (?:responses?|repl(?:y|ies)|answers?|letters?|emails?|messages?)`,
      String.raw`ignor(?:e|es|ed|ing) (?:me|my|us|our)|(?:left|leave|leaving) (?:me|us) (?:hanging|in the dark|stranded)`,
      String.raw`(?:run ?around|(?:going|sent|sending me|bounced|passed) (?:around )?in circles|transferred (?:\w+ ){0,2}(?:times|again|around))`,
    ],
    'broken-promise': [
      String.raw`(?:was|were|been|i'?m|we'?re) (?:\w+ )?(?:told|promised|assured|guaranteed)`,
      String.raw`(?:you|they|he|she|agent|rep|representative|someone|support) (?:\w+ ){0,2}(?:promised|assured|guaranteed)`,
      String.raw`(?:supposed|meant) to (?:be|have|arrive|get|receive|call|email|refund|fix|ship|deliver|contact|hold|take|come)`,
      String.raw`said (?:it|they|you|he|she|that|we|i) (?:would|will|'d)`,
      String.raw`never (?:received|got|arrived|came|showed up|happened|heard back|called back|delivered|processed|refunded|credited|followed up|honou?red)`,
      String.raw`(?:still|yet) (?:haven'?t|hasn'?t|have not|has not|didn'?t|not) (?:received|got|gotten|arrived|come|been (?:refunded|credited|fixed|delivered|processed|resolved|contacted))`,
      String.raw`(?:false|empty|broken) promises?|(?:didn'?t|did not|never) (?:keep|honou?r) (?:your|their|the|its|his|her) (?:promise|word)`,
    ],
    'churn-threat': [
      String.raw`(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll|we will|going to|gonna|about to|ready to|will be) (?:\w+ ){0,2}(?:(?:cancel+(?:ing)?|clos(?:e|ing)|terminat(?:e|ing)) (?:my|our|the) (?:account|subscription|membership|contract|service|plan)|leav(?:e|ing) (?:you|your|this)|switch(?:ing)? (?:to|provider|compan)|tak(?:e|ing) (?:my|our) (?:business|money)|stop(?:ping)? using|delet(?:e|ing) my account|drop(?:ping)? you)`,
      String.raw`(?:switch(?:ing|ed)?|mov(?:e|ing|ed)|go(?:ing)?|went) (?:over )?to (?:a |another |your )?(?:competitor|competition|other (?:company|provider|airline|bank|carrier|store|service)|someone else)|(?:business|money) elsewhere`,
      String.raw`(?:lost|losing|lose) (?:a|my|our|another|one) (?:\w+ )?(?:customer|client|business)`,
      String.raw`never (?:\w+ ){0,4}again|never again|(?:not|never|won'?t) (?:be )?(?:fly|flying|use|using|buy|buying|order|ordering|book|booking|shop|shopping) (?:\w+ ){0,3}again`,
      String.raw`(?:last|final) time (?:i|we) (?:\w+ ){0,2}(?:use|fly|order|buy|book|shop|deal)`,
      String.raw`(?:done|finished|through) with (?:you|your|this company)`,
      String.raw`(?:won'?t|wouldn'?t|will not|would not|do not|don'?t|can'?t|cannot|never) (?:\w+ )?recommend`,
    ],
    'legal-threat': [
      String.raw`lawyers?|attorneys?|solicitors?|lawsuit|class action|sue (?:you|your|them|the company)|suing|small claims|take (?:you|this) to court`,
      String.raw`legal (?:action|team|department|advice|steps|proceedings|counsel)`,
      String.raw`charge ?backs?|dispute (?:the|this|a|my|these) (?:charges?|transactions?|payments?)|file a dispute`,
      String.raw`report(?:ing)? (?:you|this|it|your company) to|(?:file|filing|lodge|lodging|make|making|submit) (?:a )?(?:formal )?complaint (?:with|to|against)|formal complaint`,
      String.raw`better business bureau|bbb|ombudsman|regulators?|consumer (?:protection|rights|affairs|agency|council|watchdog)|trading standards|attorney general|ftc|cfpb`,
    ],
    demand: [
      String.raw`(?:speak|talk|speaking|talking|chat|chatting) (?:to|with) (?:a |your |the |an |some )?(?:manager|supervisor|superior|human|real person|live person|someone in charge|someone competent|actual person|actual human)`,
      String.raw`(?:reach|get|get hold of|get through to) (?:a|an|any) (?:live|real|actual) (?:person|human|agent)`,
      String.raw`(?:i|we) (?:want|need) (?:my|our) (?:\w+ ){0,2}(?:back|now|returned)|(?:i|we) (?:want|need) (?:my|our) \w+\s*!`,
      String.raw`escalat(?:e|ed|ing|ion)`,
      String.raw`(?:want|demand|need|expect|deserve)s? (?:\w+ ){0,2}(?:money back|compensation|reimbursement|explanation|apology|full refund)`,
      String.raw`(?:i|we) demand|all (?:i|we) (?:want|ask|need) is`,
      String.raw`(?:do|deserve|expect|expected|deserved) (?:much |a lot |far )?better|(?:^|please |pls |need |someone )help(?: me| us)?\s*!`,
    ],
    question: [String.raw`(?<!(?:that'?s|that is|this is|which is|here'?s|reason) )why|how come`],
    ultimatum: [
      String.raw`(?:fix|sort|resolve|refund|unlock|replace|cancel) (?:this|it|me|my \w+) (?:now|immediately|asap|right now|today)`,
      String.raw`or (?:else|(?:i|we) (?:will |'ll |am going to |are going to )?(?:call|go|take|report|file|dispute|cancel|sue|contact|leave|post|see you))`,
    ],
    exasperation: [
      String.raw`(?:not|didn'?t|don'?t|doesn'?t|won'?t|can'?t|couldn'?t|wouldn'?t|never|no one|nobody) (?:\w+ )?even`,
      String.raw`how (?:can|could|dare) you|how (?:hard|difficult) (?:is|can|could) it|how is (?:this|that|it) (?:possible|acceptable|ok|okay|fair|legal|allowed)`,
      String.raw`what(?: is|'s) (?:going on|the point|the deal|the problem|wrong with)|what the (?:hell|heck)|what gives`,
      String.raw`are you (?:kidding|serious|joking)|(?:you'?ve|you have)? ?got to be kidding|(?:can'?t|cannot) believe|unbelievable|come on`,
      String.raw`(?:seriously|really|hello|anyone)\s*[?!]`,
      String.raw`is (?:it|this) (?:too much|so hard|that hard|really that hard)|do you (?:even )?care|does anyone (?:\w+ ){0,4}(?:care|know|work)`,
      String.raw`(?:there'?s|there is|is there) no (?:reason|excuse)|is this how you (?:treat|handle|run|do|deal)`,
      String.raw`(?:what|which) (?:kind|sort) of (?:company|service|airline|business|support|operation)`,
    ],
    'service-failure': [
      String.raw`(?:you|you guys|y'?all|they|your (?:\w+ ){0,2}(?:staff|agents?|team|employees?|reps?|representatives?|system|website|site|app|crew|driver|courier|people|company|pilot)) (?:\w+ )?(?:lost|cancel+ed|charged|overcharged|delayed|broke|ruined|forgot|left|sent|changed|bumped|overbooked|oversold|refused|denied|damaged|misplaced|messed|screwed|failed|stranded|ignored|lied|kicked|took my|made me|put me|gave (?:me )?(?:the )?wrong)`,
      String.raw`(?:can'?t|cannot|couldn'?t|could not|won'?t|will not|wouldn'?t|would not|unable to|not able to|impossible to|failed to|fails to|refused to|refuse to|refuses to) (?:even )?(?:help|let me|let us|allow|give|find|get|load|accept|process|answer|respond|fix|refund|provide|explain|tell|honou?r|rebook|transfer|book|check in|log ?in|sign in|access|reach|use|make|print|change|board|submit|pay|download|open|track|work)`,
      String.raw`(?<!(?:there'?s|there is|is there|with|for) )no (?:\w+ )?(?:outlets?|power|wi-?fi|internet|signal|gates?|staff|agents?|crew|pilots?|seats?|food|water|blankets?|pillows?|hotels?|vouchers?|compensation|refund|confirmation|tracking|record|notification|notice|warning|offers?|options?|luggage|bags?)(?! (?:needed|required|problem|issue|worries))`,
      // "Where is my parcel?" asks after something late, calmly: a failure, not yet a grievance.
      String.raw`where(?: is|'s| are) (?:my|our) (?:\w+ )?(?:bags?|luggage|suitcases?|refund|money|order|package|parcel|delivery|replacement|credit|compensation|voucher|reimbursement)`,
      String.raw`(?:because of|due to|thanks to) (?:you|your)|(?:miss(?:ed)?|missing|lost) (?:my|our|the|a) (?:connection|connecting flight|meeting|appointment|deadline|interview|event|wedding|day)|(?:i|we) had to (?:pay|buy|rent|book|sleep|wait|call|drive|take|spend|find|go|get|cancel|miss)`,
      // A negated statement (not a question, not a courtesy formula) reports something that did not happen or work.
      String.raw`(?<!(?<![\p{L}])(?:if|or|whether|why|do|does|did|is|are|can|could|would|will) )(?:not|never|no longer|cannot|\w+n't|(?:do|does|did|is|are|was|were|has|have|had|ca|could|would|should|wo)nt)(?! (?:sure|hesitate|needed|required|necessary|urgent|only|yet|bad|a problem|an issue|matter|mind|worry|to worry|forget|too bad))(?=[^?]*$)`,
      String.raw`(?:never|not|didn'?t|did not|hasn'?t|has not|haven'?t|have not|wasn'?t|was not|weren'?t|isn'?t|aren'?t) (?:been |even )?(?:received|delivered|refunded|credited|processed|shipped|fixed|resolved|loaded|honou?red|notified|informed|contacted|allowed|available|working)(?! yet)`,
    ],
    sarcasm: [
      String.raw`^(?:oh,? |well,? |just |so )?(?:great|wonderful|fantastic|perfect|brilliant|awesome|lovely|nice|super|excellent|terrific|fabulous|splendid|cool|thanks|thank you|yay)(?: job| work)?\s*[,.!…-]+\s*(?:\w+ ){0,4}(?:another|again|once more|still|${BAD_EVENT})`,
      String.raw`thanks? (?:you )?(?:so much |a lot )?for (?:nothing|(?:the |another |yet another |all the |your )?(?:delays?|wait(?:ing)?|runaround|lack|losing|lost|cancel+(?:ing|ed|ation)?|ruining|ruined|wasting|stranding|overcharging|breaking|damaging|ignoring|hanging up|making me wait|the (?:delay|wait)))`,
      String.raw`thanks a bunch|gee,? thanks`,
      String.raw`so much for|yeah,? right|what a (?:joke|surprise|shock)|just what i needed|surprise,? surprise|believe it when i see it`,
      String.raw`(?:gotta|got to|(?:i )?just|don'?t you just) love (?:how|that|it when|when|being|waiting|sitting|paying)|love (?:being (?:put|kept|left|stuck)|waiting|sitting|paying)`,
      String.raw`(?:nice|good|great|fantastic|brilliant) (?:job|work|one|going)(?: (?:guys|team|everyone|there))?[,.!]*\s*(?:\w+ ){0,4}(?:lost|losing|delay|broke|cancel|again|another)`,
      String.raw`(?:way to go|well done|bravo|congrat(?:ulation)?s)[,.!]*\s*(?:\w+ ){0,4}(?:lost|losing|delay|broke|cancel|again|another|not|no)`,
    ],
  },
};
