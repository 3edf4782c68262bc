import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AiOutputLabel } from './ai-output-label';
import type { MachineText } from '../api/api-types';

/** What the LLM wrote for the agent, marked machine-written with its model, source and (absent) confidence. */
export function MachineTextView({ label, output, children }: { label: string; output: MachineText; children?: ReactNode }) {
  const { t } = useTranslation('ticket');
  return (
    <Paper withBorder p="xs" bg="grape.0" component="section" aria-label={label}>
      <Stack gap={4}>
        <Group gap={4}>
          <Badge size="sm" color="grape" variant="light" c="dark.7">
            {t('common:machineWritten')}
          </Badge>
          <Badge size="sm" variant="outline" c="dark.6" color="gray">
            {t('assist.model', { model: output.model })}
          </Badge>
          <AiOutputLabel confidence={output.confidence} source={output.source} />
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang={output.language}>
          {output.text}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
