import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useFormat } from '../../i18n/format';
import { ApiErrorAlert } from '../api-error-alert';
import { MODEL_API, type ModelList, type ModelTask } from '../admin-api';
import { useTrainingJob } from './use-training-job';
import { useNotify } from '../use-notify';

/** One learned model (categories or sentiment): its versions with hold-out accuracy, train now, activate or roll back. */
export function ModelTaskPanel({ task }: { task: ModelTask }) {
  const { t } = useTranslation('admin');
  const notify = useNotify();
  const format = useFormat();
  const queryClient = useQueryClient();
  const models = useQuery({ queryKey: ['models', task], queryFn: ({ signal }) => api<ModelList>(`${MODEL_API[task]}/models`, { signal }) });
  const training = useTrainingJob(task);
  const activate = useMutation({
    mutationFn: (version: number) => api<{ activeVersion: number }>(`${MODEL_API[task]}/models/${version}/activate`, { method: 'PUT' }),
    onSuccess: ({ activeVersion }) => {
      notify.done(t('models.activated', { version: activeVersion }));
      void queryClient.invalidateQueries({ queryKey: ['models', task] });
    },
  });
  const activeVersion = models.data?.activeVersion;
  const headingId = `models-${task}`;
  const outcome = training.job?.outcome;

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={2} size="h3" id={headingId}>
              {t(`models.${task}.title`)}
            </Title>
            <Text size="sm" c="dimmed">
              {activeVersion === undefined ? '' : activeVersion === 0 ? t(`models.${task}.baselineActive`) : t('models.activeVersion', { version: activeVersion })}
            </Text>
          </div>
          <Group gap="sm">
            {activeVersion !== 0 && (
              <Button variant="default" onClick={() => activate.mutate(0)} loading={activate.isPending && activate.variables === 0}>
                {t(`models.${task}.useBaseline`)}
              </Button>
            )}
            <Button onClick={() => training.start.mutate()} loading={training.running}>
              {t('models.trainNow')}
            </Button>
          </Group>
        </Group>
        {training.job && (
          <Alert color={training.job.state === 'failed' ? 'red' : 'blue'} role="status" aria-live="polite">
            {training.job.state === 'failed'
              ? t('models.job.failed', { reason: training.job.failedReason ?? '' })
              : outcome && 'version' in outcome
                ? t('models.job.trained', { version: outcome.version, accuracy: accuracyText(outcome.metrics.holdoutAccuracy, format.percent, t('models.notMeasured')) })
                : outcome && 'skipped' in outcome
                  ? t('models.job.skipped', { reason: outcome.skipped })
                  : t('models.job.running', { state: training.job.state })}
          </Alert>
        )}
        <ApiErrorAlert error={training.error ?? activate.error ?? models.error} />
        {models.data && models.data.models.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('models.none')}
          </Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('models.version')}</Table.Th>
                <Table.Th>{t('models.accuracy')}</Table.Th>
                <Table.Th>{t('models.examples')}</Table.Th>
                <Table.Th>{t('models.algorithm')}</Table.Th>
                <Table.Th>{t('models.trained')}</Table.Th>
                <Table.Th>{t('actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(models.data?.models ?? []).map((model) => (
                <Table.Tr key={model.version}>
                  <Table.Td>
                    {model.version}{' '}
                    {model.active && (
                      <Badge ml={4} color="teal.9" size="sm">
                        {t('models.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{accuracyText(model.metrics.holdoutAccuracy, format.percent, t('models.notMeasured'))}</Table.Td>
                  <Table.Td>{format.number(model.metrics.examples ?? Object.values(model.exampleCounts).reduce((sum, count) => sum + count, 0))}</Table.Td>
                  <Table.Td>{model.algorithm}</Table.Td>
                  <Table.Td>{t('models.trainedBy', { when: format.dateTime(model.createdAt), by: model.trainedBy })}</Table.Td>
                  <Table.Td>
                    {!model.active && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={activate.isPending && activate.variables === model.version}
                        onClick={() => activate.mutate(model.version)}
                        aria-label={t('models.activateVersion', { version: model.version })}
                      >
                        {model.version < (activeVersion ?? 0) ? t('models.rollBack') : t('models.activate')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

function accuracyText(accuracy: number | undefined, percent: (value: number) => string, missing: string): string {
  return accuracy === undefined ? missing : percent(accuracy);
}
