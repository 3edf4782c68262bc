import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { FlowJob, FlowProducer, Queue } from 'bullmq';
import Redis from 'ioredis';
import { QueueName, ticketTriageFlow, WORKER_SETTINGS } from '@smartdesk/contracts';
import { ratePerSecond } from '../stats';

const ADD_BATCH = 500;

export interface BareFlowResult {
  ticketsPerSec: number;
  tickets: number;
  elapsedMs: number;
}

/** Our flow's exact shape and job options, on queues of its own (`bare-<queue>`). */
function bareFlow(flow: FlowJob): FlowJob {
  return { ...flow, queueName: `bare-${flow.queueName}`, children: flow.children?.map(bareFlow) };
}

function startStage(queue: QueueName, prefix: string, redisUrl: string, expected: number): ChildProcess {
  const args = [`bare-${queue}`, prefix, redisUrl, String(WORKER_SETTINGS[queue].concurrency), String(expected)];
  return fork(join(__dirname, 'noop-stage-worker.main.js'), args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`a bare stage worker exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.send('stop');
  });
}

/**
 * Bare limit of the pipeline: `backlog` flows of the same shape as ours (categorization ∥ sentiment →
 * rag-response → escalation, with the same job options) queued behind paused queues, then drained by
 * one plain BullMQ worker process per stage whose jobs do nothing, at our per-queue concurrency.
 */
export async function measureBareFlow(redisUrl: string, prefix: string, backlog: number, timeoutMs: number): Promise<BareFlowResult> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = Object.values(QueueName).map((name) => new Queue(`bare-${name}`, { prefix, connection }));
  const producer = new FlowProducer({ prefix, connection });
  const workers: ChildProcess[] = [];
  try {
    await Promise.all(queues.map((queue) => queue.pause()));
    for (let added = 0; added < backlog; added += ADD_BATCH) {
      const count = Math.min(ADD_BATCH, backlog - added);
      await producer.addBulk(Array.from({ length: count }, () => bareFlow(ticketTriageFlow({ v: 1, ticketId: randomUUID(), revision: 1 }))));
    }
    const stages = Object.values(QueueName);
    workers.push(...stages.map((queue) => startStage(queue, prefix, redisUrl, queue === QueueName.Escalation ? backlog : 0)));
    await Promise.all(workers.map(ready));
    const escalation = workers[stages.indexOf(QueueName.Escalation)];
    const done = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bare flows not done after ${timeoutMs} ms`)), timeoutMs);
      escalation.on('message', (message: { done?: number }) => {
        if (message.done === undefined) return;
        clearTimeout(timer);
        resolve(message.done);
      });
    });
    const started = Date.now();
    await Promise.all(queues.map((queue) => queue.resume()));
    const elapsedMs = (await done) - started;
    return { ticketsPerSec: ratePerSecond(backlog, elapsedMs), tickets: backlog, elapsedMs };
  } finally {
    await Promise.all(workers.map(stop));
    await Promise.all(queues.map((queue) => queue.obliterate({ force: true }).catch(() => undefined)));
    await Promise.all([...queues.map((queue) => queue.close()), producer.close()]);
    connection.disconnect();
  }
}
