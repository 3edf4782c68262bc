import { AnswerQuestionProcessor } from './answer-question.processor';
import { IndexKbProcessor } from './index-kb.processor';
import { SuggestResponseProcessor } from './suggest-response.processor';

/** The queues this worker takes, a processor each: its module provides them, runWorker starts them. */
export const RAG_PROCESSORS = [IndexKbProcessor, SuggestResponseProcessor, AnswerQuestionProcessor];
