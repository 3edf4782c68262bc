import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import type { StaffTicketDetail, TicketRef } from '../api/api-types';
import { staffApi } from '../shared/staff-api';

interface MergeDialogProps {
  ticket: StaffTicketDetail;
  /** The ticket this one would be merged into; no dialog while undefined. */
  target: TicketRef | undefined;
  onClose: () => void;
}

/**
 * Confirms merging this ticket into another, with the version on screen: if someone changed the ticket
 * meanwhile, the gateway refuses (409) and nothing moves, and the dialog says so.
 */
export function MergeDialog({ ticket, target, onClose }: MergeDialogProps) {
  const { t } = useTranslation('ticket');
  const queryClient = useQueryClient();
  const merge = useMutation({
    mutationFn: (targetId: string) => staffApi.merge(ticket.id, targetId, ticket.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['ticket'] });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      onClose();
    },
  });
  const close = () => {
    merge.reset();
    onClose();
  };
  const error = merge.error;
  return (
    <Modal opened={target !== undefined} onClose={close} title={t('related.mergeTitle')} closeButtonProps={{ 'aria-label': t('related.cancel') }}>
      {target && (
        <>
          <Text size="sm">{t('related.mergeConfirm', { number: ticket.number, target: target.number, subject: target.subject })}</Text>
          {error && (
            <Alert mt="sm" color={error instanceof ApiError && error.status === 409 ? 'orange' : 'red'} role="alert">
              {error instanceof ApiError && error.status === 409 ? t('related.mergeConflict', { message: error.message }) : t('common:errors.withMessage', { message: error.message })}
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={close}>
              {t('related.cancel')}
            </Button>
            <Button color="red.8" loading={merge.isPending} onClick={() => merge.mutate(target.id)}>
              {t('related.mergeAction', { number: target.number })}
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
