import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api-client';
import { useShowError } from '../api/use-api-error';
import { staffApi, type TicketChange } from '../shared/staff-api';

/**
 * Changes a ticket with the version on screen. A 409 with currentVersion means someone changed it first:
 * nothing was written, and the screen says so instead of retrying over their change.
 */
export function useTicketUpdate(ticketId: string) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [conflict, setConflict] = useState<number>();
  const mutation = useMutation({
    mutationFn: (change: TicketChange) => staffApi.update(ticketId, change),
    onSuccess: () => {
      setConflict(undefined);
      void queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.currentVersion !== undefined) setConflict(error.currentVersion);
      else showError(error);
    },
  });
  const reload = () => {
    setConflict(undefined);
    void queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] });
  };
  return { update: mutation.mutate, pending: mutation.isPending, conflict, reload };
}
