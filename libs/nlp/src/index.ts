export * from './text/tokenize';
export * from './language/language-detector';
export * from './categorize/tfidf-vectorizer';
export * from './categorize/few-shot-classifier';
export * from './categorize/taxonomy';
export * from './categorize/categorizer';
export * from './priority/priority-scorer';
export * from './sentiment/sentiment-analyzer';
