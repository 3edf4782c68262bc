import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Priority, SentimentLabel } from '../api/api-types';

const PRIORITY_COLOR: Record<Priority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
const SENTIMENT_COLOR: Record<SentimentLabel, string> = { negative: 'red', neutral: 'gray', positive: 'green' };

/** A badge shows its whole label: in a narrow table column Mantine would cut it to "NORM…". */
const WHOLE_LABEL = { label: { overflow: 'visible' } };

// Light badges with dark text: readable (WCAG AA contrast) in every colour.
export function PriorityBadge({ priority }: { priority: Priority | null }) {
  const { t } = useTranslation();
  return priority ? (
    <Badge color={PRIORITY_COLOR[priority]} variant="light" c="dark.7" styles={WHOLE_LABEL}>
      {t(`priority.${priority}`)}
    </Badge>
  ) : null;
}

export function SentimentBadge({ sentiment }: { sentiment: SentimentLabel | null }) {
  const { t } = useTranslation();
  return sentiment ? (
    <Badge color={SENTIMENT_COLOR[sentiment]} variant="light" c="dark.7" styles={WHOLE_LABEL}>
      {t(`sentiment.${sentiment}`)}
    </Badge>
  ) : null;
}
