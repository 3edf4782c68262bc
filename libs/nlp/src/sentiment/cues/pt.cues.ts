import type { ComplaintCueSet } from '../complaint-cues';

const AMOUNT = String.raw`(?:\d+|um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|dez|varios|varias|muitos|muitas)`;
const SPAN = String.raw`(?:minutos?|min|horas?|h|dias?|semanas?|meses|mes)`;

/** Portuguese complaint cues (Brazil and Portugal), matched without accents. */
export const PT_CUES: ComplaintCueSet = {
  spaced: true,
  foldAccents: true,
  cues: {
    'repeat-contact': [
      String.raw`(?:segunda|terceira|quarta|quinta|enesima) vez`,
      // "Comprar de novo" is praise and "reenviar de novo" a request: repetition counts after something went wrong.
      String.raw`(?:caiu|cobra\w*|quebr\w+|falh\w+|atras\w+|aconte\w+|parou|sem \w+|nao funciona) (?:de novo|outra vez|novamente)|(?:de novo|outra vez|novamente)\s*!|^(?:de novo|outra vez)|mais uma vez|quantas vezes|(?:varias|muitas|mil|\d+) vezes|sempre a mesma coisa|toda vez que`,
      String.raw`ja (?:liguei|escrevi|reclamei|mandei) (?:\w+ )?(?:vezes|varias|de novo)`,
    ],
    waiting: [
      String.raw`(?:na|em) espera|(?:continuo|continuamos|estou|ainda estou|sigo|fiquei) (?:\w+ ){0,3}esperando|a espera`,
      String.raw`(?:faz|ha mais de|mais de|depois de mais de|apos mais de) ${AMOUNT} ${SPAN}|${AMOUNT} ${SPAN} (?:esperando|de espera|no telefone|sem)`,
      String.raw`ainda (?:nada|sem)|ate agora (?:nada|nao|sem)|continua(?:m)? sem|demora(?:m)? (?:tanto|demais|muito)`,
    ],
    unanswered: [
      String.raw`ninguem (?:\w+ ){0,2}(?:responde|atende|retorna|ajuda|resolve|liga|sabe)`,
      String.raw`(?:sem|nenhuma|nem uma|nem uma unica) (?:unica )?(?:resposta|retorno|solucao|explicacao|ajuda|ligacao|previsao)`,
      String.raw`nao (?:me )?(?:responderam|retornaram|ligaram|atenderam)|desligaram na minha cara|(?:impossivel|nao consigo) (?:falar|contato|contatar)|me (?:mandam|jogam|passam) de um lado para o outro|respostas? automaticas?`,
    ],
    'broken-promise': [
      String.raw`(?:me|nos) (?:prometeram|garantiram|disseram que|falaram que)|voces (?:prometeram|garantiram|disseram que)`,
      String.raw`(?:era|deveria) para (?:ter )?(?:chegado|chegar|sido)|nunca (?:chegou|recebi|retornaram|devolveram)|ainda nao (?:recebi|devolveram)`,
    ],
    'churn-threat': [
      String.raw`(?:vou|vamos|quero|penso em) (?:\w+ ){0,2}(?:cancelar (?:minha|meu|a|o) (?:conta|assinatura|plano|contrato)|trocar de (?:operadora|empresa|fornecedor)|mudar para)`,
      String.raw`(?:para|pra) (?:a )?concorrencia|nunca mais|nao (?:recomendo|vou recomendar|volto a comprar)`,
    ],
    'legal-threat': [
      String.raw`advogad[oa]s?|processar|processo judicial|acao judicial|justica|juizado|chargeback|contestar a compra`,
      String.raw`procon|reclame aqui|consumidor\.gov|defesa do consumidor|livro de reclamacoes|deco`,
    ],
    demand: [
      String.raw`falar com (?:um |o |a |algum )?(?:supervisor|gerente|responsavel|humano|pessoa)`,
      String.raw`(?:exijo|quero|exigimos|queremos) (?:\w+ ){0,2}(?:reembolso|estorno|dinheiro de volta|meu dinheiro|indenizacao|explicacao|solucao)`,
    ],
    question: [String.raw`por que (?:nao|ninguem|sempre|eu tenho|demora)|porque ninguem`],
    ultimatum: [String.raw`resolvam (?:isso )?(?:agora|ja|imediatamente|hoje)`, String.raw`ou (?:vou|eu vou|chamo|entro|registro|cancelo|vamos)|senao (?:vou|eu vou|chamo|registro|cancelo)`],
    exasperation: [String.raw`como (?:e|pode ser) possivel|(?:e|isso e) (?:brincadeira|piada|um absurdo|inacreditavel)|que (?:tipo|servico) (?:de )?`, String.raw`(?:serio|alo|oi)\s*[?!]`],
    'service-failure': [
      // A negated statement (not a question, not a courtesy formula) reports something that did not happen or work.
      String.raw`(?<!(?<![\p{L}])(?:se|ou) )(?:ja nao|nunca|nao)(?! (?:precisa|e necessario|e urgente|se preocupe|importa|so|tem problema)(?![\p{L}]))(?=[^?]*$)`,
      String.raw`voces (?:perderam|cobraram duas vezes|enviaram o produto errado|cancelaram|bloquearam)`,
    ],
    sarcasm: [
      String.raw`^(?:otimo|perfeito|maravilha|maravilhoso|parabens|obrigad[oa]|que beleza|show)\s*[,.!…-]+\s*(?:\w+ ){0,4}(?:de novo|outra|outro|ainda)`,
      String.raw`obrigad[oa] por nada|parabens pelo (?:atraso|descaso|pessimo)|que beleza de`,
    ],
  },
};
