import { Button, Card, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentInput } from '../shared/attachment-input';
import { AttachmentList } from '../shared/attachment-list';
import { staffApi } from '../shared/staff-api';

/** Every file of the ticket (internal notes' too: staff see them), and an upload to the ticket itself. */
export function TicketAttachments({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const attachments = useQuery({ queryKey: ['ticket', ticketId, 'attachments'], queryFn: () => staffApi.attachments(ticketId) });
  const upload = useMutation({
    mutationFn: () => staffApi.attach(ticketId, files),
    onSuccess: () => {
      setFiles([]);
      void queryClient.invalidateQueries({ queryKey: ['ticket', ticketId, 'attachments'] });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="attachments-title">
      <Title order={2} size="h4" id="attachments-title" mb="xs">
        {t('attachments.title')}
      </Title>
      <Stack gap="xs">
        <AttachmentList attachments={attachments.data ?? []} />
        <AttachmentInput
          files={files}
          onChange={(picked) => {
            setFiles(picked);
            upload.reset();
          }}
          error={upload.error}
          disabled={upload.isPending}
        />
        <Button size="xs" variant="default" disabled={files.length === 0} loading={upload.isPending} onClick={() => upload.mutate()}>
          {t('attachments.upload')}
        </Button>
      </Stack>
    </Card>
  );
}
