import type { ComplaintCueSet } from '../complaint-cues';

const AMOUNT = String.raw`(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|dix|plusieurs)`;
const SPAN = String.raw`(?:minutes?|min|heures?|h|jours?|semaines?|mois)`;

/** French complaint cues, matched without accents ("deja" and "déjà" alike). */
export const FR_CUES: ComplaintCueSet = {
  spaced: true,
  foldAccents: true,
  cues: {
    'repeat-contact': [
      String.raw`(?:deuxieme|troisieme|quatrieme|cinquieme|enieme|\d+e) (?:fois|appel|relance|mail|message)`,
      String.raw`encore une fois|(?:panne|bloque|debite|plante|retard\w*|arrive) (?:a|de) nouveau|(?:plusieurs|maintes|\d+) (?:fois|relances|appels)|combien de fois`,
      String.raw`(?:encore|toujours) (?:en panne|le meme probleme|debite)|(?:deja|j'ai) (?:relance|ecrit|appele) (?:\w+ )?(?:fois|plusieurs)`,
    ],
    waiting: [
      String.raw`en attente|(?:j'attends|nous attendons|on attend) (?:toujours|depuis|encore)|toujours (?:pas|rien|en attente|aucun)`,
      String.raw`(?:depuis|plus de|pendant|apres) ${AMOUNT} ${SPAN}`,
      String.raw`(?:ca|cela) (?:fait|dure) ${AMOUNT} ${SPAN}|toujours rien|toujours sans|combien de temps`,
    ],
    unanswered: [
      String.raw`personne ne (?:\w+ )?(?:repond|decroche|rappelle|m'aide|aide|sait)`,
      String.raw`(?:aucune|sans|pas de|pas une seule|sans aucune) (?:seule )?(?:reponse|nouvelle|solution|explication|aide|rappel)`,
      String.raw`(?:jamais|pas) (?:ete )?rappele|on m'a raccroche|(?:impossible|aucun moyen) de (?:joindre|parler|contacter)|me renvoie d'un service a l'autre|reponses? automatiques?`,
    ],
    'broken-promise': [
      String.raw`on m'(?:a|avait) (?:promis|assure|dit que)|vous m'(?:avez|aviez) (?:promis|assure|dit que)`,
      String.raw`(?:cense|censee|censes) (?:etre|arriver|recevoir)|(?:jamais|toujours pas) (?:recu|arrive|rembourse|livre)`,
    ],
    'churn-threat': [
      String.raw`(?:je vais|nous allons|je compte|je veux) (?:\w+ ){0,2}(?:resilier|annuler mon (?:abonnement|compte|contrat)|changer d'(?:operateur|fournisseur)|partir)`,
      String.raw`je resilie|(?:chez|vers|a) (?:un |la )?concurren(?:t|ce)`,
      String.raw`plus jamais|je ne (?:recommande|recommanderai) pas|la derniere fois que`,
    ],
    'legal-threat': [
      String.raw`avocats?|porter plainte|(?:je porte|deposer une|depot de) plainte|action (?:en justice|juridique)|tribunal|justice`,
      String.raw`opposition (?:aupres de|a) ma banque|faire opposition|dgccrf|mediateur|ufc|association de consommateurs|signalconso`,
    ],
    demand: [
      String.raw`parler (?:a|avec) (?:un |une |le |la |votre )?(?:responsable|superieur|manager|humain|personne)`,
      String.raw`(?:j'exige|je veux|je demande|nous exigeons) (?:\w+ ){0,2}(?:remboursement|geste commercial|dedommagement|explication|solution)`,
    ],
    question: [String.raw`pourquoi (?:personne|toujours|est-ce que|je dois|ne|n')`],
    ultimatum: [
      String.raw`reglez (?:ca|cela|le probleme) (?:tout de suite|immediatement|maintenant)`,
      String.raw`sinon,? (?:j'\w+|je \w+|nous \w+|ce sera)|ou (?:j'appelle|je porte|je fais|je resilie|je vais)`,
    ],
    exasperation: [
      String.raw`comment est-ce possible|c'est (?:une blague|incroyable|hallucinant|n'importe quoi|inadmissible)|vous vous moquez|on se moque`,
      String.raw`(?:serieusement|allo|sans blague)\s*[?!]`,
    ],
    'service-failure': [
      // A negated statement (not a question, not a courtesy formula) reports something that did not happen or work.
      String.raw`(?!n'hesite|ne vous inquiete)(?:ne |n')(?:\w+ ){0,2}(?:pas|plus|jamais|rien|personne)(?! (?:necessaire|urgent|grave)(?![\p{L}]))(?=[^?]*$)`,
      String.raw`vous (?:avez|m'avez) (?:perdu|debite deux fois|envoye le mauvais|annule|bloque)`,
    ],
    sarcasm: [
      String.raw`^(?:super|genial|parfait|bravo|merci|formidable|magnifique|top)\s*[,.!…-]+\s*(?:\w+ ){0,4}(?:encore|de nouveau|a nouveau|toujours)`,
      String.raw`merci pour rien|merci (?:pour|du) (?:le )?(?:retard|l'attente)|bravo pour`,
    ],
  },
};
