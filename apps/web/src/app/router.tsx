import { createBrowserRouter } from 'react-router';
import { i18next, i18nReady } from '../i18n/i18n';
import type { Namespace } from '../i18n/languages';
import { prefetchInbox } from '../inbox/inbox-query';
import { AppLayout } from './app-layout';
import { homeRedirect } from './home-redirect';
import { NotFoundPage } from './not-found-page';
import { RouteLoading } from './route-loading';

/**
 * A feature's route module together with its translations: both are fetched at once when the route matches,
 * instead of the strings only when the screen first renders and asks for them.
 *
 * A microtask later than React Router asks: it calls a route's loader right after its lazy(), and so the loader's API
 * requests go out first. Over HTTP/1.1 a browser opens six connections to a host, and the screen's code (a dozen
 * small files) would otherwise take them all and hold back the few small answers the screen renders with.
 */
function feature<Module>(namespaces: Namespace[], load: () => Promise<Module>): () => Promise<Module> {
  return () =>
    Promise.resolve()
      .then(() => Promise.all([load(), i18nReady.then(() => i18next.loadNamespaces(namespaces))]))
      .then(([module]) => module);
}

/**
 * One lazily loaded module per feature folder: each exports a `Component` that holds the feature's own
 * <Routes>, so a feature adds screens without touching this file and its code loads on first visit.
 */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    // While a screen's code or loader is pending on the first load, the shell paints with a loader in its place
    // (React Router renders the layout and the pending route's HydrateFallback) instead of the page staying blank.
    children: [
      { index: true, loader: homeRedirect },
      { path: 'sign-in', lazy: () => import('../auth/sign-in-page').then((module) => ({ Component: module.SignInPage })) },
      // The portal's new-request page offers the assistant, hence its strings too.
      { path: 'portal/*', lazy: feature(['portal', 'assistant'], () => import('../portal/portal.routes')) },
      { path: 'inbox/*', loader: prefetchInbox, lazy: feature(['inbox'], () => import('../inbox/inbox.routes')) },
      { path: 'tickets/*', lazy: feature(['ticket'], () => import('../ticket/ticket.routes')) },
      { path: 'admin/*', lazy: feature(['admin'], () => import('../admin/admin.routes')) },
      { path: 'reports/*', lazy: feature(['reports'], () => import('../reports/reports.routes')) },
      { path: 'kb/*', lazy: feature(['kb'], () => import('../kb/kb.routes')) },
      { path: '*', element: <NotFoundPage /> },
    ].map((route) => ({ HydrateFallback: RouteLoading, ...route })),
  },
  // Outside the shell: the chat alone, framed by widget.js on a team's own site.
  { path: 'assistant/*', lazy: feature(['assistant'], () => import('../assistant/assistant.routes')) },
]);
