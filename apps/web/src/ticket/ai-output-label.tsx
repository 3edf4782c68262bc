import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputSource } from '../api/api-types';
import { useFormat } from '../i18n/format';

/** How sure a stage was and what produced its answer: shown beside every AI output. Null: the producer gives no confidence (an LLM's text). */
export function AiOutputLabel({ confidence, source }: { confidence?: number | null; source?: OutputSource }) {
  const { t } = useTranslation('ticket');
  const format = useFormat();
  return (
    <Group gap={4}>
      {confidence === null && (
        <Badge variant="outline" c="dark.6" color="gray">
          {t('ai.noConfidence')}
        </Badge>
      )}
      {typeof confidence === 'number' && (
        <Badge variant="outline" c="dark.6" color="gray">
          {t('ai.confidence', { value: format.percent(confidence) })}
        </Badge>
      )}
      {source && (
        <Badge variant="outline" c="dark.6" color="gray">
          {t('ai.source', { source: t(`common:source.${source}`) })}
        </Badge>
      )}
    </Group>
  );
}
