import { Button, Table, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client';
import { useFormat } from '../i18n/format';
import { articlePath, type KbArticleVersion } from './kb-api';
import { useNotify } from '../admin/use-notify';

interface Props {
  id: string;
  versions: KbArticleVersion[];
  currentVersion: number | undefined;
  /** Admins restore API articles (and deleted ones); file articles change only in their file. */
  canRestore: boolean;
}

/** Every version of an article, newest first, each restorable as a new version. */
export function ArticleVersions({ id, versions, currentVersion, canRestore }: Props) {
  const { t } = useTranslation('kb');
  const notify = useNotify();
  const format = useFormat();
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: (version: number) => api(`${articlePath(id)}/versions/${version}/restore`, { method: 'POST' }),
    onSuccess: (_, version) => {
      notify.done(t('versions.restored', { version }));
      void queryClient.invalidateQueries({ queryKey: ['kb'] });
    },
    onError: (error) => notify.failed(error),
  });
  return (
    <section aria-labelledby="kb-versions">
      <Title order={2} size="h3" id="kb-versions" mb="xs">
        {t('versions.title')}
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.version')}</Table.Th>
            <Table.Th>{t('versions.change')}</Table.Th>
            <Table.Th>{t('field.title')}</Table.Th>
            <Table.Th>{t('versions.by')}</Table.Th>
            <Table.Th>{t('versions.when')}</Table.Th>
            {canRestore && (
              <Table.Th>
                <VisuallyHidden>{t('versions.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.version}>
              <Table.Td>{version.version}</Table.Td>
              <Table.Td>{t(`changeKind.${version.change}`)}</Table.Td>
              <Table.Td>{version.title}</Table.Td>
              <Table.Td>{version.changedBy}</Table.Td>
              <Table.Td>{format.dateTime(version.changedAt)}</Table.Td>
              {canRestore && (
                <Table.Td>
                  {version.version !== currentVersion && version.change !== 'deleted' && (
                    <Button
                      size="xs"
                      variant="default"
                      loading={restore.isPending && restore.variables === version.version}
                      onClick={() => restore.mutate(version.version)}
                      aria-label={t('versions.restoreVersion', { version: version.version })}
                    >
                      {t('versions.restore')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
