// Hash routes (any static host serves them): start (questionnaire), paste, report; each page loads lazily.
import { createHashRouter, Navigate } from 'react-router';
import { Layout } from './layout';
import { RouteError } from './route-error';

export const ROUTES = { start: '/', paste: '/paste', report: '/report', example: '/example' } as const;

export const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <p className="page muted">Loading…</p>,
    children: [
      { index: true, lazy: () => import('./routes/start-route') },
      { path: 'paste', lazy: () => import('./routes/paste-route') },
      { path: 'report', lazy: () => import('./routes/report-route') },
      // The example always ends on the report: fetch that page alongside instead of after the redirect.
      {
        path: 'example',
        lazy: () => {
          void import('./routes/report-route');
          return import('./routes/example-route');
        },
      },
      // Never trust the URL: anything else goes back to the start page.
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
