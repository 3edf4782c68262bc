import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FigureCard } from './figure-card';
import type { Stats } from './stats-api';
import { useReportFormat } from './use-report-format';

/** Requests that self-service answered: the assistant's conversations, and the portal's suggested articles. */
export function DeflectionFigures({ deflection }: { deflection: Stats['deflection'] }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const { portal } = deflection;
  return (
    <Stack gap="xs" component="section" aria-labelledby="deflection-title">
      <Title order={2} size="h3" id="deflection-title">
        {t('deflection.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <FigureCard
          label={t('deflection.assistant')}
          value={format.percentOrNone(deflection.rate)}
          detail={t('deflection.assistantDetail', { solved: deflection.solved, count: deflection.conversations, handedOver: deflection.handedOver, ticketsOpened: deflection.ticketsOpened })}
        />
        {portal && (
          <>
            <FigureCard
              label={t('deflection.portalOpened')}
              value={format.number(portal.articlesOpened)}
              detail={t('deflection.portalOpenedDetail', { visits: portal.visitsOpenedArticle, shown: portal.visitsShownSuggestions })}
            />
            <FigureCard
              label={t('deflection.portalRate')}
              value={format.percentOrNone(portal.rate)}
              detail={t('deflection.portalRateDetail', { after: portal.ticketsAfterOpening, visits: portal.visitsOpenedArticle })}
            />
          </>
        )}
      </SimpleGrid>
      {!portal && (
        <Text size="sm" c="dimmed">
          {t('deflection.portalSiteWide')}
        </Text>
      )}
    </Stack>
  );
}
