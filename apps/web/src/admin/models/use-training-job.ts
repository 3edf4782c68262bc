import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/api-client';
import { MODEL_API, type ModelTask, type TrainingJob } from '../admin-api';

const SETTLED: TrainingJob['state'][] = ['completed', 'failed'];

/** Train now: POST answers 202 with the job's location, which is polled each second until the job settles; then the model list is read again. */
export function useTrainingJob(task: ModelTask) {
  const queryClient = useQueryClient();
  const [location, setLocation] = useState<string>();
  const start = useMutation({
    mutationFn: () => api<{ jobId: string; location: string }>(`${MODEL_API[task]}/models/train`, { method: 'POST' }),
    onSuccess: (accepted) => setLocation(accepted.location),
  });
  const job = useQuery({
    queryKey: ['training-job', location],
    queryFn: ({ signal }) => api<TrainingJob>(location!, { signal }),
    enabled: !!location,
    refetchInterval: (query) => (query.state.data && SETTLED.includes(query.state.data.state) ? false : 1000),
  });
  const settled = !!job.data && SETTLED.includes(job.data.state);
  useEffect(() => {
    if (settled) void queryClient.invalidateQueries({ queryKey: ['models', task] });
  }, [settled, queryClient, task]);
  return { start, job: job.data, running: start.isPending || (!!location && !settled), error: start.error ?? job.error };
}
