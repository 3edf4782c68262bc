import 'reflect-metadata';
import { QueueName } from '@smartdesk/contracts';
import { CATEGORIZATION_PROCESSORS } from '../../apps/categorization-worker/src/processors';
import { ESCALATION_PROCESSORS } from '../../apps/escalation-worker/src/processors';
import { MAIL_PROCESSORS } from '../../apps/mail-worker/src/processors';
import { RAG_PROCESSORS } from '../../apps/rag-worker/src/processors';
import { SENTIMENT_PROCESSORS } from '../../apps/sentiment-worker/src/processors';

/** Where @Processor keeps its queue: @nestjs/bullmq 12 exports only its entry point, and the key is not part of it. */
const PROCESSOR_METADATA = 'bullmq:processor_metadata';

/**
 * A queue left out of every worker's list would take jobs that never run; one in two lists would have two kinds
 * of worker take each other's jobs. The lists are what the workers' modules provide and runWorker starts.
 */
describe('worker processors', () => {
  const lists = { CATEGORIZATION_PROCESSORS, SENTIMENT_PROCESSORS, RAG_PROCESSORS, ESCALATION_PROCESSORS, MAIL_PROCESSORS };
  const queueOf = (processor: object): string => Reflect.getMetadata(PROCESSOR_METADATA, processor)?.name;

  it('take every queue, each in exactly one worker', () => {
    const taken = Object.values(lists).flatMap((processors) => processors.map(queueOf));
    expect([...taken].sort()).toEqual(Object.values(QueueName).sort());
  });
});
