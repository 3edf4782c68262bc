/** Function words that carry no topic, for the languages the product supports. */
export const STOPWORDS = new Set(
  `a an the and or but if of to in on at by for with from into about as is are was were be been being am do does did
   have has had i me my we our you your he she it its they them their this that these those there here what which who
   whom when where why how can could would should will shall may might must not no so too very just than then also please
   hi hello hey thanks thank regards dear like would want need know get got one some any all
   el la los las un una unos unas y o de del al en con por para que es son fue ser mi mis me nos su sus lo le les se
   hola gracias por favor
   le la les un une des et ou de du au aux en avec pour que qui est sont mon ma mes je nous vous il elle ce cette bonjour merci
   der die das ein eine und oder von zu im in mit fur ist sind mein meine ich wir sie es hallo danke bitte
   o a os as um uma e ou de do da em com por para que e sao meu minha eu nos voce ola obrigado`
    .split(/\s+/)
    .filter(Boolean),
);
