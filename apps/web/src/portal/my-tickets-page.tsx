import { Anchor, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format';
import { StatusBadge } from '../shared/status-badge';
import { AssistantLauncher } from '../assistant/assistant-launcher';
import { portalApi } from './portal-api';

export function MyTicketsPage() {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const [page, setPage] = useState(1);
  const tickets = useQuery({ queryKey: ['tickets', 'mine', page], queryFn: () => portalApi.myTickets(page), placeholderData: keepPreviousData });
  const data = tickets.data;
  return (
    <Stack>
      <Title order={1}>{t('myTickets.title')}</Title>
      <AssistantLauncher />
      {data && data.items.length === 0 && <Text>{t('myTickets.empty')}</Text>}
      {data && data.items.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('myTickets.number')}</Table.Th>
              <Table.Th>{t('myTickets.subject')}</Table.Th>
              <Table.Th>{t('myTickets.status')}</Table.Th>
              <Table.Th>{t('myTickets.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((ticket) => (
              <Table.Tr key={ticket.id}>
                <Table.Td>#{ticket.number}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/portal/tickets/${ticket.id}`}>
                    {ticket.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={ticket.status} />
                </Table.Td>
                <Table.Td>{format.dateTime(ticket.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && data.total > data.pageSize && (
        <Pagination total={Math.ceil(data.total / data.pageSize)} value={page} onChange={setPage} getControlProps={() => ({ 'aria-label': t('myTickets.page') })} />
      )}
    </Stack>
  );
}
