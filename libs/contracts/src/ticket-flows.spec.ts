import type { FlowJob } from 'bullmq';
import { JOB_QUEUE, ticketJobId, TicketJobData } from './job-catalog';
import { JobName, QueueName } from './queue-names';
import { responseFlow, ticketTriageFlow } from './ticket-flows';
import { KEEP_COMPLETED, KEEP_FAILED, WORKER_SETTINGS } from './worker-settings';

const data: TicketJobData = { v: 1, ticketId: '0b6f2a4e-6c1d-4b7e-9a53-1f2d3c4b5a69', revision: 1 };

/** Every job of a flow, parent first. */
function allJobs(flow: FlowJob): FlowJob[] {
  return [flow, ...(flow.children ?? []).flatMap(allJobs)];
}

describe('ticketTriageFlow', () => {
  const flow = ticketTriageFlow(data);

  it('is escalation ← rag-response ← [categorization, sentiment]', () => {
    expect(flow.name).toBe(JobName.EvaluateEscalation);
    expect(flow.queueName).toBe(QueueName.Escalation);
    expect(flow.children).toHaveLength(1);

    const rag = flow.children![0];
    expect(rag.name).toBe(JobName.SuggestResponse);
    expect(rag.queueName).toBe(QueueName.RagResponse);

    expect(rag.children).toHaveLength(2);
    expect(rag.children!.map((job) => [job.name, job.queueName]).sort()).toEqual(
      [
        [JobName.AnalyzeSentiment, QueueName.Sentiment],
        [JobName.CategorizeTicket, QueueName.Categorization],
      ].sort(),
    );
    for (const leaf of rag.children!) expect(leaf.children ?? []).toHaveLength(0);
  });

  it('puts each job on the queue the job catalog names', () => {
    for (const job of allJobs(flow)) expect(job.queueName).toBe(JOB_QUEUE[job.name as JobName]);
  });

  it('carries only the ids, never ticket contents', () => {
    for (const job of allJobs(flow)) expect(job.data).toEqual({ v: 1, ticketId: data.ticketId, revision: 1 });
  });

  it('takes attempts and backoff from WORKER_SETTINGS of each queue', () => {
    for (const job of allJobs(flow)) {
      const settings = WORKER_SETTINGS[job.queueName as QueueName];
      expect(job.opts?.attempts).toBe(settings.attempts);
      expect(job.opts?.backoff).toEqual(settings.backoff);
      expect(job.opts?.removeOnComplete).toEqual(KEEP_COMPLETED);
      expect(job.opts?.removeOnFail).toEqual(KEEP_FAILED);
    }
    // The RAG stage has its own (slower) backoff: the lookup really is per queue.
    expect(flow.children![0].opts?.backoff).toEqual(WORKER_SETTINGS[QueueName.RagResponse].backoff);
  });

  it('lets a parent run when a child fails for good', () => {
    for (const job of allJobs(flow)) {
      expect(job.opts?.ignoreDependencyOnFailure).toBe(true);
      expect(job.opts?.failParentOnFailure).not.toBe(true);
    }
  });

  describe('job ids', () => {
    const ids = allJobs(flow).map((job) => job.opts?.jobId as string);

    it('are set on every job', () => {
      for (const id of ids) expect(typeof id).toBe('string');
    });

    it('are deterministic: the same input gives the same ids', () => {
      expect(allJobs(ticketTriageFlow({ ...data })).map((job) => job.opts?.jobId)).toEqual(ids);
      for (const job of allJobs(flow)) expect(job.opts?.jobId).toBe(ticketJobId(job.name as JobName, data));
    });

    it('are distinct per stage', () => {
      expect(new Set(ids).size).toBe(4);
    });

    it('are distinct per revision and per ticket', () => {
      const next = allJobs(ticketTriageFlow({ ...data, revision: 2 })).map((job) => job.opts?.jobId);
      const other = allJobs(ticketTriageFlow({ ...data, ticketId: '7c1e1d2a-0000-4000-8000-000000000000' })).map((job) => job.opts?.jobId);
      expect(new Set([...ids, ...next, ...other]).size).toBe(12);
    });

    it('do not collide between revisions whose digits could run together', () => {
      expect(ticketJobId(JobName.SuggestResponse, { ...data, revision: 1 })).not.toBe(ticketJobId(JobName.SuggestResponse, { ...data, revision: 11 }));
    });

    it("contain no ':' (BullMQ rejects custom ids with a colon)", () => {
      for (const id of ids) expect(id).not.toContain(':');
      for (const name of Object.values(JobName)) expect(ticketJobId(name, { ...data, revision: 12 })).not.toContain(':');
    });

    it('name the ticket, the stage and the revision', () => {
      for (const job of allJobs(flow)) {
        const id = job.opts?.jobId as string;
        expect(id).toContain(data.ticketId);
        expect(id).toContain(job.name);
      }
      expect(ticketJobId(JobName.CategorizeTicket, { ...data, revision: 3 })).toMatch(/r3$/);
    });
  });
});

describe('responseFlow', () => {
  const flow = responseFlow({ ...data, revision: 2 });

  it('is escalation ← rag-response only', () => {
    expect(flow.name).toBe(JobName.EvaluateEscalation);
    expect(flow.queueName).toBe(QueueName.Escalation);
    expect(flow.children).toHaveLength(1);
    const rag = flow.children![0];
    expect(rag.name).toBe(JobName.SuggestResponse);
    expect(rag.queueName).toBe(QueueName.RagResponse);
    expect(rag.children ?? []).toHaveLength(0);
  });

  it('uses revision-specific ids that do not clash with the first triage', () => {
    const triageIds = allJobs(ticketTriageFlow(data)).map((job) => job.opts?.jobId);
    for (const job of allJobs(flow)) {
      expect(job.opts?.jobId).toBe(ticketJobId(job.name as JobName, { ...data, revision: 2 }));
      expect(triageIds).not.toContain(job.opts?.jobId);
      expect(job.opts?.jobId).not.toContain(':');
    }
  });

  it('keeps the same retry and failure options as the triage flow', () => {
    for (const job of allJobs(flow)) {
      const settings = WORKER_SETTINGS[job.queueName as QueueName];
      expect(job.opts).toMatchObject({ attempts: settings.attempts, backoff: settings.backoff, ignoreDependencyOnFailure: true });
    }
  });
});
