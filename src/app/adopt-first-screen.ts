// The prerendered example report (index.html, src/prerender) is adopted by React as it is (hydrated), not replaced:
// replacing it rebuilt and laid out the whole report again, the longest main-thread task of a first visit to
// #/example (Lighthouse TBT on a phone). Hydration needs the page to be exactly what React renders first, so the
// other pages' blocks and the address markers go, the step is marked as the app marks it, controls disabled until
// now are enabled, and the store reads, while hydrating, as the build rendered it. Anything else that differs makes
// React render the page itself, as it does for every other first screen.
import { useAppStore } from '../state/store';
import { isExampleLoaded, PRERENDER_DISABLED } from '../ui/first-screen';

/**
 * Make `root` the page React's first render of `path` produces, when that page is the prerendered example report on
 * screen; returns false (and changes nothing) otherwise.
 */
export function adoptPrerenderedReport(root: HTMLElement, path: string): boolean {
  const block = root.querySelector<HTMLElement>('.shell-example');
  if (!block || path !== '/report' || !isExampleLoaded() || getComputedStyle(block).display === 'none') return false;
  for (const el of root.querySelectorAll('.shell-marker')) el.remove();
  for (const el of root.querySelectorAll('.shell-page')) if (el !== block) el.remove();
  block.className = 'route-page';
  for (const a of root.querySelectorAll<HTMLAnchorElement>('.app-header nav a')) {
    const active = a.getAttribute('href') === '#/report';
    a.className = active ? 'active' : '';
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  for (const el of root.querySelectorAll(`[${PRERENDER_DISABLED}]`)) {
    el.removeAttribute('disabled');
    el.removeAttribute(PRERENDER_DISABLED);
  }
  // While hydrating, React reads a zustand store through its server snapshot, the store's initial state: that is
  // the state the build rendered (src/prerender/render-shell.tsx), the run status idle in the header as painted.
  // Once hydrated, React renders the store as it is (the header then says how long the analysis took).
  Object.assign(useAppStore.getInitialState(), useAppStore.getState(), { status: 'idle', runBytes: 0, runProgress: null, lastRunMs: null, runError: null });
  return true;
}
