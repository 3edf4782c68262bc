import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../api/api-types';

const COLOR: Record<TicketStatus, string> = { new: 'blue', triaged: 'cyan', open: 'indigo', pending: 'yellow', resolved: 'green', closed: 'gray' };

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  // Dark text on the light badge keeps the contrast above 4.5:1 for every colour.
  return (
    <Badge color={COLOR[status]} variant="light" c="dark.7">
      {t(`status.${status}`)}
    </Badge>
  );
}
