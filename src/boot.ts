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
// After the next frame is painted (a timeout queued from requestAnimationFrame runs after that paint); hidden tabs
// get no frames, so a plain timeout starts the app there.
function afterFirstPaint(): void {
  requestAnimationFrame(() => setTimeout(() => void start(), 0));
  setTimeout(() => void start(), 200);
}
// This script is async (index.html): it may run before the page is parsed, whose whole first screen comes first.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterFirstPaint, { once: true });
else afterFirstPaint();
