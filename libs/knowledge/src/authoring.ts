/**
 * What writing articles needs, without the vector store or the retrievers: the gateway's admin API
 * imports this entry (`@smartdesk/knowledge/authoring`) so that it loads no embedding code.
 */
export * from './kb-article';
export * from './kb-faq';
export * from './kb-duplicates';
export * from './kb-article.store';
