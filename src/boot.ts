// First script of the page: tiny. It lets the prerendered first screen (index.html) paint, then loads the app, so a
// host that sends the 345 KB of app script uncompressed delays nothing the engineer sees first.
import './app/app.css';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let started = false;
/**
 * The app's code is evaluated in two tasks, not one: React DOM (200 KB), then the app and its router (one 317 KB
 * module graph was about 60 ms of evaluation on a desktop, four times that on a phone: a long task that blocks
 * input). Splitting the router off too would cost its tree-shaking (a dynamic import keeps all of it).
 */
async function start(): Promise<void> {
  if (started) return;
  started = true;
  await import('react-dom/client');
  await nextTask();
  await import('./main');
}
// Once the first screen is on screen: the first contentful paint as the browser reports it (a timeout queued from
// requestAnimationFrame ran after the paint but often before the frame was presented, so the app's 200 KB began to
// download "before first paint", and a simulated slow network counted them in the first paint). Without paint
// timing, after the next frame; a hidden tab paints nothing, so it starts at once.
function afterFirstPaint(): void {
  const go = () => setTimeout(() => void start(), 0);
  if (document.visibilityState === 'hidden') return void go();
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && go(), { once: true });
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) return void requestAnimationFrame(go);
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    go();
  }).observe({ type: 'paint', buffered: true });
  // A page that paints nothing contentful (none of ours) must still start.
  setTimeout(go, 3000);
}
// This script is async (index.html): it may run before the page is parsed, whose whole first screen comes first.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterFirstPaint, { once: true });
else afterFirstPaint();
