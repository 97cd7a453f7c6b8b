// Browser entry: mounts the router, starts the worker-backed diagnosis runner.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { startDiagnosisRunner } from './state/diagnosis-runner';
import './app/app.css';

startDiagnosisRunner();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
