import { Box, Center, Loader, Title } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LANGUAGE_CODES, type LanguageCode } from '../i18n/languages';
import { EMBED_READY_MESSAGE } from '../widget/embed-messages';
import { AssistantPanel } from './assistant-panel';

/**
 * The chat alone, for widget.js to put in an iframe on a team's own site (the gateway lets only the sites in
 * WIDGET_ALLOWED_ORIGINS frame this page). `?lang=` carries the host page's language.
 */
export function AssistantEmbedPage() {
  const { i18n } = useTranslation();
  const [params] = useSearchParams();
  const language = params.get('lang');
  useEffect(() => {
    if (language && LANGUAGE_CODES.includes(language as LanguageCode) && language !== i18n.resolvedLanguage) void i18n.changeLanguage(language);
  }, [language, i18n]);
  // Tells widget.js the frame was allowed to load (a constant, so any parent may hear it).
  useEffect(() => {
    if (window.parent !== window) window.parent.postMessage(EMBED_READY_MESSAGE, '*');
  }, []);
  return (
    <Suspense
      fallback={
        <Center h="100vh">
          <Loader />
        </Center>
      }
    >
      <EmbeddedChat />
    </Suspense>
  );
}

function EmbeddedChat() {
  const { t } = useTranslation('assistant');
  return (
    <Box component="main" p="sm" h="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Title order={1} size="h4" mb="xs">
        {t('launcher.title')}
      </Title>
      <Box style={{ flex: 1, minHeight: 0 }}>
        <AssistantPanel linkTickets={false} />
      </Box>
    </Box>
  );
}
