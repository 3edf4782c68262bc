export * from './kb-article';
export * from './kb-indexer.service';
export * from './knowledge-retriever.service';
export * from './reply-phrases';
export * from './response-composer';
export * from './knowledge.module';
