import type { ComplaintCueSet } from '../complaint-cues';

const AMOUNT = String.raw`(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|diez|varios|varias|muchos|muchas|unos|unas)`;
const SPAN = String.raw`(?:minutos?|min|horas?|h|dias?|semanas?|meses|mes)`;

/** Spanish complaint cues, matched without accents ("cuantas veces" and "cuántas veces" alike). */
export const ES_CUES: ComplaintCueSet = {
  spaced: true,
  foldAccents: true,
  cues: {
    'repeat-contact': [
      String.raw`(?:segunda|tercera|cuarta|quinta|enesima) vez`,
      // "Enviadla de nuevo" is a request: "otra vez" counts when something went wrong again, or is exclaimed.
      String.raw`(?:falla|fallado|cobra\w*|roto|rota|caid[oa]|caer|tarde|retras\w+|pasa(?:do)?|sin \w+|no funciona) (?:otra vez|de nuevo)|(?:otra vez|de nuevo) (?:lo mismo|el mismo|la misma)|(?:otra vez|de nuevo)\s*[!¡]|^(?:otra vez|de nuevo)|una vez mas|(?:ya )?(?:van|llevo) (?:\w+ )?(?:veces|llamadas|correos)`,
      String.raw`cuantas veces|(?:varias|muchas|mil|\d+) veces|siempre (?:pasa|lo mismo|igual)|cada vez que`,
      String.raw`(?:he|hemos) (?:escrito|llamado|reclamado|insistido) (?:\w+ )?(?:veces|ya)`,
    ],
    waiting: [
      String.raw`en espera|(?:sigo|seguimos|estoy|llevo|llevamos) (?:\w+ ){0,3}esperando`,
      String.raw`(?:llevo|llevamos|desde hace|mas de|tras mas de) ${AMOUNT} ${SPAN}`,
      String.raw`todavia (?:nada|sin|esperando|pendiente)|aun (?:nada|sin|esperando|pendiente)|sigue(?:n)? sin|sigo sin`,
      String.raw`tarda(?:n)? (?:tanto|demasiado|muchisimo)|cuanto (?:mas )?(?:tengo|hay|tendre) que esperar`,
    ],
    unanswered: [
      String.raw`nadie (?:\w+ ){0,2}(?:responde|contesta|atiende|ayuda|me llama|llama|sabe|se hace cargo)`,
      String.raw`(?:sin|ninguna|ni una|ni una sola) (?:sola )?(?:respuesta|solucion|explicacion|ayuda|llamada|noticia)`,
      String.raw`no (?:me )?(?:han|habeis|ha) (?:respondido|contestado|llamado|devuelto la llamada|dicho nada)`,
      String.raw`me (?:cuelgan|colgaron|han colgado)|no (?:hay|consigo|puedo) (?:forma|manera) de (?:hablar|contactar)|imposible (?:hablar|contactar|comunicarse)`,
      String.raw`me (?:mandan|pasan|envian|mareais|marean) de (?:un sitio|un lado|uno) a otro|respuestas? automaticas?`,
    ],
    'broken-promise': [
      String.raw`me (?:prometieron|prometisteis|aseguraron|asegurasteis|dijeron|dijisteis) que`,
      String.raw`(?:deberia|tendria|tenia) que haber (?:llegado|sido|recibido)|se supone que`,
      String.raw`nunca (?:llego|recibi|me llamaron|me devolvieron)|(?:aun|todavia) no (?:he|me han) (?:recibido|devuelto|reembolsado)`,
    ],
    'churn-threat': [
      String.raw`(?:voy a|vamos a|pienso|quiero) (?:\w+ ){0,2}(?:darme de baja|dar de baja|cancelar (?:mi|la) (?:cuenta|suscripcion|contrato)|cambiar(?:me)? de (?:compania|proveedor|empresa))`,
      String.raw`(?:me voy|nos vamos|me cambio|me paso) a (?:la )?(?:competencia|otra (?:compania|empresa))`,
      String.raw`nunca mas|no (?:vuelvo|volvere|volveremos) a (?:comprar|pedir|contratar|usar)|no (?:lo )?recomiendo`,
    ],
    'legal-threat': [
      String.raw`abogad[oa]s?|demanda(?:r|re)?|denuncia(?:r|re)?|contracargo|accion(?:es)? legal(?:es)?|juzgado|tribunales?`,
      String.raw`(?:hoja de |poner una |pondre una )?reclamacion (?:oficial|formal|en consumo)|(?:oficina del )?consumidor|omic|facua|ocu`,
    ],
    demand: [
      String.raw`hablar con (?:un |el |algun )?(?:responsable|supervisor|encargado|gerente|humano|persona)`,
      String.raw`(?:exijo|quiero|exigimos|queremos) (?:\w+ ){0,2}(?:devolucion|reembolso|dinero|compensacion|explicacion|solucion)`,
    ],
    question: [String.raw`por que (?:no|siempre|tengo|tenemos|me|nadie|tarda)`],
    ultimatum: [
      String.raw`solucion(?:adlo|enlo|alo) (?:ya|ahora|de una vez)|(?:hoy|ya) mismo`,
      String.raw`o (?:llamo|pongo|hare|hago|me doy|denuncio|voy a|nos vemos)|si no,? (?:llamo|pondre|hare|denunciare|me doy|voy a)|si (?:manana|hoy|esta semana) no`,
    ],
    exasperation: [String.raw`como es posible|es (?:una broma|increible|de risa|el colmo)|no me lo puedo creer|que (?:clase|tipo) de (?:servicio|empresa)`, String.raw`(?:en serio|hola)\s*[?!]`],
    'service-failure': [
      // A negated statement (not a question, not a courtesy formula) reports something that did not happen or work.
      String.raw`(?<!(?<![\p{L}])(?:si|o) )(?:ya no|nunca|no)(?! (?:hace falta|es necesario|importa|se preocupe|dude[ns]?|dudeis|hay prisa|es urgente|hay problema|pasa nada|solo|obstante)(?![\p{L}]))(?=[^?]*$)`,
      String.raw`(?:me|nos) (?:habeis|han|ha) (?:perdido|cobrado de mas|enviado (?:el|un) (?:articulo|producto) equivocado|cancelado|bloqueado)`,
    ],
    sarcasm: [
      String.raw`^(?:genial|perfecto|estupendo|fantastico|maravilloso|que bien|gracias|muchas gracias)\s*[,.!…-]+\s*(?:\w+ ){0,4}(?:otra|otro|de nuevo|otra vez|sigue|sigo)`,
      String.raw`gracias por nada|gracias por (?:el|la|los|las)? ?(?:retraso|espera|nada)|muy bonito|vaya servicio`,
    ],
  },
};
