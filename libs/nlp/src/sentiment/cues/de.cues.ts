import type { ComplaintCueSet } from '../complaint-cues';

const AMOUNT = String.raw`(?:\d+|einer?|einem|zwei|drei|vier|fünf|sechs|sieben|acht|zehn|mehreren|mehrere|vielen)`;
const SPAN = String.raw`(?:minuten|min|stunden?|std|tagen?|wochen?|monaten?)`;

/** German complaint cues (umlauts kept: folding would turn "schön" into "schon"; so words are [\p{L}\p{N}]+, not \w+). */
export const DE_CUES: ComplaintCueSet = {
  spaced: true,
  foldAccents: false,
  cues: {
    'repeat-contact': [
      String.raw`(?:zum )?(?:zweiten|dritten|vierten|fünften|\d+\.) mal|(?:das )?(?:zweite|dritte|vierte|fünfte) mal`,
      // "Der Drucker hat schon wieder Papierstau" reports a recurring fault; opening or exclaimed, "schon wieder" is indignant.
      String.raw`^(?:schon|mal) wieder|(?:schon|immer|mal) wieder\s*[!?]|zum wiederholten mal|wie oft (?:noch)?|(?:mehrfach|mehrmals|x-mal|\d+ mal)`,
      String.raw`(?:habe|hatte) (?:ich )?(?:bereits|schon) (?:[\p{L}\p{N}]+ ){0,2}(?:geschrieben|angerufen|reklamiert|nachgefragt)`,
    ],
    waiting: [
      String.raw`(?:in der )?warteschleife|(?:warte|warten) (?:immer noch|noch immer|schon|seit)|immer noch (?:nicht|kein|keine|nichts)|noch immer (?:nicht|kein|keine|nichts)`,
      String.raw`seit (?:über |mehr als )?${AMOUNT} ${SPAN}|(?:über|mehr als) ${AMOUNT} ${SPAN} (?:gewartet|warten|in der warteschleife)`,
      String.raw`bis heute (?:nicht|kein|keine|nichts)|wie lange (?:soll|muss|dauert)|dauert (?:ewig|viel zu lange)`,
    ],
    unanswered: [
      String.raw`niemand (?:[\p{L}\p{N}]+ ){0,2}(?:antwortet|meldet sich|geht ran|ruft zurück|hilft|kümmert sich)|keiner (?:antwortet|meldet sich|geht ran)`,
      String.raw`(?:keine|keinerlei|ohne) (?:einzige )?(?:antwort|rückmeldung|reaktion|lösung|erklärung|hilfe|rückruf)`,
      String.raw`(?:nie|nicht) zurückgerufen|aufgelegt|(?:nicht|niemanden) erreich(?:bar|t)|(?:im kreis|hin und her) geschickt|automatische antworten?|textbausteine?`,
    ],
    'broken-promise': [
      String.raw`(?:mir|uns) wurde (?:[\p{L}\p{N}]+ ){0,6}(?:versprochen|zugesagt|gesagt|garantiert)|sie haben (?:[\p{L}\p{N}]+ )?(?:versprochen|zugesagt)`,
      String.raw`(?:hätte|sollte) (?:[\p{L}\p{N}]+ ){0,3}(?:kommen|sein|ankommen|erstattet werden)|(?:nie|immer noch nicht) (?:angekommen|erhalten|erstattet|geliefert)`,
    ],
    'churn-threat': [
      String.raw`(?:ich|wir) (?:[\p{L}\p{N}]+ ){0,2}(?:kündige|kündigen) (?:hiermit|sofort|jetzt|fristlos)|fristlos kündigen|mir reicht(?:'s| es)|(?:zur|zu einem|zum) (?:konkurrenz|anderen anbieter|wettbewerber)`,
      String.raw`nie wieder|(?:werde|würde) (?:sie|euch|das) nicht (?:mehr )?(?:weiter)?empfehlen|zum letzten mal`,
    ],
    'legal-threat': [
      String.raw`anwalt|anwältin|rechtsanwalt|anwaltlich|rechtliche schritte|klage|verklagen|gericht`,
      String.raw`rückbuchung|rücklastschrift|chargeback|verbraucherzentrale|schlichtungsstelle|bundesnetzagentur|anzeige erstatten`,
    ],
    demand: [
      String.raw`(?:mit einem|mit dem|einen) (?:vorgesetzten|verantwortlichen|menschen|mitarbeiter|manager) (?:sprechen)?`,
      String.raw`(?:ich verlange|ich erwarte|ich fordere|wir fordern|wir erwarten) (?:[\p{L}\p{N}]+ ){0,3}(?:erstattung|entschädigung|erklärung|lösung|geld)`,
    ],
    question: [String.raw`warum (?:kann|muss|ist|wird|hat|antwortet|meldet|dauert|nicht|niemand|immer)`],
    ultimatum: [
      String.raw`(?:sofort|umgehend|unverzüglich) (?:beheben|lösen|erstatten|zurück)|(?:beheben|klären|lösen|entsperren|erstatten) sie (?:das|es|mir das geld) (?:sofort|heute|umgehend)`,
      String.raw`sonst (?:veranlasse|gehe|werde|kündige|schalte|melde|sehen|rufe|ziehe)|oder ich (?:schalte|gehe|kündige|rufe|veranlasse|melde)`,
    ],
    exasperation: [
      String.raw`wie kann (?:das|es) sein|das ist (?:doch )?(?:ein witz|unglaublich|lächerlich|eine frechheit|eine zumutung)|was soll (?:das|der mist)`,
      String.raw`(?:ernsthaft|hallo|wirklich)\s*[?!]`,
    ],
    'service-failure': [
      // A negated statement (not a question, not a courtesy formula) reports something that did not happen or work.
      String.raw`(?<!(?<![\p{L}])(?:ob|oder) )(?:nicht|kein|keine|keinen|keinem|nie|niemals|nichts)(?! (?:nur|nötig|notwendig|dringend|schlimm|so wichtig|zu viel)(?![\p{L}]))(?=[^?]*$)`,
      String.raw`sie haben (?:[\p{L}\p{N}]+ ){0,3}(?:verloren|doppelt abgebucht|falsch geliefert|storniert|gesperrt)`,
    ],
    sarcasm: [
      String.raw`^(?:na )?(?:toll|super|klasse|prima|wunderbar|großartig|danke|vielen dank)\s*[,.!…-]+\s*(?:[\p{L}\p{N}]+ ){0,4}(?:schon wieder|wieder|erneut)`,
      String.raw`danke für nichts|na toll|na super|na prima|ganz toll gemacht|vielen dank auch`,
    ],
  },
};
