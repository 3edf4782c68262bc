import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffTicket } from '../api/api-types';
import { useFormat } from '../i18n/format';
import { StatusBadge } from '../shared/status-badge';
import { PriorityBadge, SentimentBadge } from '../shared/triage-badges';
import { useCategories } from '../shared/use-categories';

interface InboxTableProps {
  items: StaffTicket[];
  /** The row j/k moved to. */
  cursor: number;
  onSelect: (index: number) => void;
}

/** One page of the queue. Memoised: it renders again only for new rows or a moved cursor, not for the page around it. */
export const InboxTable = memo(function InboxTable({ items, cursor, onSelect }: InboxTableProps) {
  const { t } = useTranslation('inbox');
  const format = useFormat();
  const { nameOf } = useCategories();
  return (
    <Table highlightOnHover verticalSpacing="xs" aria-label={t('table.label')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('table.number')}</Table.Th>
          <Table.Th>{t('table.subject')}</Table.Th>
          <Table.Th>{t('table.status')}</Table.Th>
          <Table.Th>{t('table.priority')}</Table.Th>
          <Table.Th>{t('table.category')}</Table.Th>
          <Table.Th>{t('table.sentiment')}</Table.Th>
          <Table.Th>{t('table.updated')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((ticket, index) => (
          <Table.Tr key={ticket.id} bg={index === cursor ? 'indigo.0' : undefined} aria-selected={index === cursor} onClick={() => onSelect(index)}>
            <Table.Td>#{ticket.number}</Table.Td>
            <Table.Td>
              <Link to={`/tickets/${ticket.id}`} style={{ color: 'inherit', fontWeight: 600 }}>
                {ticket.subject}
              </Link>
              <Text size="xs" c="dark.4">
                {ticket.customerName}
                {ticket.language ? ` · ${ticket.language}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <StatusBadge status={ticket.status} />
                {ticket.escalated && (
                  <Badge color="red.8" variant="filled">
                    {t('table.escalated')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <PriorityBadge priority={ticket.priority} />
            </Table.Td>
            <Table.Td>{ticket.category ? nameOf(ticket.category) : <VisuallyHidden>{t('table.pending')}</VisuallyHidden>}</Table.Td>
            <Table.Td>
              <SentimentBadge sentiment={ticket.sentimentLabel} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{format.relative(ticket.updatedAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
});
