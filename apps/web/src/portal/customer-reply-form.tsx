import { Button, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../api/use-api-error';
import { AttachmentInput, isUploadRefusal } from '../shared/attachment-input';
import { portalApi } from './portal-api';

/**
 * The customer's reply, with files attached to it. The message goes first and the files join it; if the files are
 * refused, the message stays sent and the files stay picked, so "Send" then uploads them alone, to the ticket.
 */
export function CustomerReplyForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('portal');
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [reply, setReply] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const send = useMutation({
    mutationFn: async () => {
      const sentId = reply.trim() ? (await portalApi.reply(ticketId, reply)).id : undefined;
      if (sentId) setReply('');
      if (files.length) await portalApi.attach(ticketId, files, sentId);
    },
    onSuccess: () => setFiles([]),
    onError: (error) => !isUploadRefusal(error) && showError(error),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] }),
  });
  return (
    <Stack gap="xs">
      <Textarea label={t('ticket.reply')} minRows={3} autosize maxLength={20_000} value={reply} onChange={(event) => setReply(event.currentTarget.value)} />
      <AttachmentInput
        files={files}
        onChange={(picked) => {
          setFiles(picked);
          send.reset();
        }}
        error={isUploadRefusal(send.error) ? send.error : undefined}
        disabled={send.isPending}
      />
      <Button w="fit-content" disabled={!reply.trim() && !files.length} loading={send.isPending} onClick={() => send.mutate()}>
        {t('ticket.send')}
      </Button>
    </Stack>
  );
}
