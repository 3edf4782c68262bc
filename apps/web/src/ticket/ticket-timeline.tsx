import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../api/api-types';
import { useFormat } from '../i18n/format';

/** What happened to the ticket, by which stage and how sure it was; the summaries are the server's own record. */
export function TicketTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation('ticket');
  const format = useFormat();
  return (
    <Card withBorder component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="xs">{t('timeline.title')}</Title>
      <Timeline bulletSize={10} lineWidth={2}>
        {events.map((event) => (
          <Timeline.Item key={event.id} title={<Text size="sm" fw={600}>{event.type}</Text>}>
            <Text size="xs">{event.summary}</Text>
            <Text size="xs" c="dark.4">
              {format.dateTime(event.createdAt)} · {event.stage}
              {event.confidence !== null ? ` · ${t('ai.confidence', { value: format.percent(event.confidence) })}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
