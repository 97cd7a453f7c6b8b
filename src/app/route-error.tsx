// Shown when a page fails to load or render: says so in words and keeps a way back (the stored work is untouched).
import { useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : 'unknown error';
  return (
    <main id="main" className="page">
      <h1>Something went wrong on this page</h1>
      <p>
        Your pastes and answers are still saved in this browser. Reload the page, or <a href="#/">go back to the start</a>.
      </p>
      <p className="muted">Details: {message}</p>
    </main>
  );
}
