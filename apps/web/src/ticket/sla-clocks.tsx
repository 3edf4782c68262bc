import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaClock } from '../api/api-types';
import { useFormat } from '../i18n/format';

function clockState(clock: SlaClock, now: number): 'met' | 'breached' | 'atRisk' | 'paused' | 'running' {
  if (clock.breachedAt || (clock.state === 'running' && clock.dueAt && Date.parse(clock.dueAt) < now)) return 'breached';
  if (clock.state === 'stopped') return 'met';
  if (clock.state === 'paused') return 'paused';
  return clock.atRiskAt && Date.parse(clock.atRiskAt) <= now ? 'atRisk' : 'running';
}

const COLOR = { met: 'green', breached: 'red', atRisk: 'orange', paused: 'gray', running: 'blue' };

/** Each SLA clock with the time left, ticking every half minute. */
export function SlaClocks({ clocks }: { clocks: SlaClock[] }) {
  const { t } = useTranslation('ticket');
  const format = useFormat();
  const [now, setNow] = useState(Date.now());
  const ticker = useInterval(() => setNow(Date.now()), 30_000);
  useEffect(() => {
    ticker.start();
    return ticker.stop;
  }, [ticker]);
  return (
    <Card withBorder component="section" aria-labelledby="sla-title">
      <Title order={2} size="h4" id="sla-title" mb="xs">
        {t('sla.title')}
      </Title>
      {clocks.length === 0 && <Text size="sm">{t('sla.none')}</Text>}
      <Stack gap={6}>
        {clocks.map((clock) => {
          const state = clockState(clock, now);
          return (
            <Group key={clock.metric} justify="space-between">
              <Text size="sm">{t(`sla.metric.${clock.metric}`, { defaultValue: clock.metric })}</Text>
              <Group gap={6}>
                {clock.dueAt && state !== 'met' && <Text size="sm">{format.relative(clock.dueAt, now)}</Text>}
                <Badge color={COLOR[state]} variant="light" c="dark.7">
                  {t(`sla.state.${state}`)}
                </Badge>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
