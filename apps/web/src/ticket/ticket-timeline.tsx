import { Card, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../api/api-types';
import { useFormat } from '../i18n/format';
import { teamsQuery } from '../shared/staff-api';
import { useCategories } from '../shared/use-categories';
import { TIMELINE_STAGES, timelineEventText, type TimelineNames } from './timeline-event-text';

/** What happened to the ticket, by which stage and how sure it was, in the reader's language. */
export function TicketTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation('ticket');
  const format = useFormat();
  const categories = useCategories();
  const teams = useQuery(teamsQuery);
  const names: TimelineNames = {
    category: categories.nameOf,
    team: (id) => (id ? (teams.data?.find((team) => team.id === id)?.name ?? t('timeline.unknownTeam')) : t('routing.noTeam')),
    language: format.language,
  };
  const stage = (name: string) => t((TIMELINE_STAGES as readonly string[]).includes(name) ? `timeline.stage.${name}` : 'timeline.stage.other');
  return (
    <Card withBorder component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="xs">
        {t('timeline.title')}
      </Title>
      <Timeline bulletSize={10} lineWidth={2}>
        {events.map((event) => {
          const { title, detail } = timelineEventText(event, t, names);
          return (
            <Timeline.Item
              key={event.id}
              title={
                <Text size="sm" fw={600}>
                  {title}
                </Text>
              }
            >
              {detail && <Text size="xs">{detail}</Text>}
              <Text size="xs" c="dark.4">
                {format.dateTime(event.createdAt)} · {stage(event.stage)}
                {event.confidence !== null ? ` · ${t('ai.confidence', { value: format.percent(event.confidence) })}` : ''}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}
