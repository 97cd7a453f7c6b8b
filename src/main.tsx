// Browser entry: mounts the router, starts the worker-backed diagnosis runner.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { startDiagnosisRunner } from './state/diagnosis-runner';
import { startUrlSync } from './state/url-sync';
import './app/app.css';

startDiagnosisRunner();
// Share links (issue 7): opens `#/report?d=…` once stored work has been read back.
startUrlSync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
