// Mantine's base layers only: each component's stylesheet comes with its code (build/mantine-component-styles.ts).
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { NotificationsOnDemand } from './app/notifications-on-demand';
import { queryClient } from './app/query-client';
import { router } from './app/router';
import { cssVariablesResolver, theme } from './app/theme';
import { SessionProvider, sessionQuery } from './auth/session-context';
import { i18nReady } from './i18n/i18n';

// Every screen waits for the session: ask for it now, while the translations load, not after the first render.
void queryClient.prefetchQuery(sessionQuery);

// The first screen renders with its strings: the common namespace in the detected language is loaded first.
// Rendered as a transition, which React renders in slices of a few milliseconds, yielding to the browser in between,
// instead of in one task that blocks input (on a mid-range phone that task was over a second of Total Blocking Time).
void i18nReady.then(() => {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
          <NotificationsOnDemand />
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <RouterProvider router={router} />
            </SessionProvider>
          </QueryClientProvider>
        </MantineProvider>
      </StrictMode>,
    ),
  );
});
