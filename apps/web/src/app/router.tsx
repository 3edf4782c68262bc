import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../auth/sign-in-page';
import { AppLayout } from './app-layout';
import { HomeRedirect } from './home-redirect';
import { NotFoundPage } from './not-found-page';

/**
 * One lazily loaded module per feature folder: each exports a `Component` that holds the feature's own
 * <Routes>, so a feature adds screens without touching this file and its code loads on first visit.
 */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'portal/*', lazy: () => import('../portal/portal.routes') },
      { path: 'inbox/*', lazy: () => import('../inbox/inbox.routes') },
      { path: 'tickets/*', lazy: () => import('../ticket/ticket.routes') },
      { path: 'admin/*', lazy: () => import('../admin/admin.routes') },
      { path: 'reports/*', lazy: () => import('../reports/reports.routes') },
      { path: 'kb/*', lazy: () => import('../kb/kb.routes') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  // Outside the shell: the chat alone, framed by widget.js on a team's own site.
  { path: 'assistant/*', lazy: () => import('../assistant/assistant.routes') },
]);
