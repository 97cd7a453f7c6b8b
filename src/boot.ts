// First script of the page: tiny. It lets the prerendered first screen (index.html) paint, then loads the app, so a
// host that sends the 345 KB of app script uncompressed delays nothing the engineer sees first.
import './app/app.css';

let started = false;
function start(): void {
  if (started) return;
  started = true;
  void import('./main');
}
// After the next frame is painted (a timeout queued from requestAnimationFrame runs after that paint); hidden tabs
// get no frames, so a plain timeout starts the app there.
function afterFirstPaint(): void {
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 200);
}
// This script is async (index.html): it may run before the page is parsed, whose whole first screen comes first.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterFirstPaint, { once: true });
else afterFirstPaint();
