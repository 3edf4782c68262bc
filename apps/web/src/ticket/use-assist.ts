import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-client';

/** Shared by every assist button of the app: once the gateway says it has no LLM, all of them say so and stay off. */
const LLM_MISSING = ['assist', 'llm-missing'];

const llmNotConfigured = (error: unknown) => error instanceof ApiError && error.body?.reason === 'llm-not-configured';

/**
 * An LLM task for the agent (translation, summary). The gateway answers 409 llm-not-configured when it has no
 * LLM (there is no offline translation): that is remembered app-wide, so every assist button turns off with
 * the reason; any other failure (503 llm-failed) is the mutation's error, shown beside the button.
 */
export function useAssist<Input, Output>(task: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  const llmMissing = useQuery({ queryKey: LLM_MISSING, queryFn: () => false, initialData: false, staleTime: Infinity }).data;
  const mutation = useMutation({
    mutationFn: task,
    onError: (error) => llmNotConfigured(error) && queryClient.setQueryData(LLM_MISSING, true),
  });
  return { ...mutation, llmMissing, failed: mutation.isError && !llmNotConfigured(mutation.error) };
}
