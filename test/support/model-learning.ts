import { ApiClient, sampleTicket } from './api-client';
import { waitFor } from './wait-for';

/** Submits a ticket and waits until `stage` has a result on it (read as staff). */
export async function submitAndWaitFor(api: ApiClient, staff: ApiClient, ticket: { subject: string; description: string }, stage: 'categorization' | 'sentiment') {
  const created = await api.post('/api/tickets', sampleTicket(ticket));
  expect(created.status).toBe(201);
  return waitFor(
    async () => {
      const { body } = await staff.get(`/api/tickets/${created.body.id}`);
      return body.results?.[stage] ? body : undefined;
    },
    20_000,
    `ticket ${created.body.id} to have a ${stage} result`,
  );
}

/** Asks for a retraining under `/api/<path>` and waits for the job to finish; returns the job (its outcome). */
export async function trainAndWait(admin: ApiClient, path: 'categorization' | 'sentiment') {
  const queued = await admin.post(`/api/${path}/models/train`);
  expect(queued.status).toBe(202);
  expect(queued.body.location).toMatch(new RegExp(`^/api/${path}/training-jobs/`));
  return waitFor(
    async () => {
      const { body } = await admin.get(queued.body.location);
      if (body.state === 'failed') throw new Error(`training failed: ${body.failedReason}`);
      return body.state === 'completed' ? body : undefined;
    },
    60_000,
    'training to complete',
  );
}
