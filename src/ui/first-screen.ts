// The first screen: index.html holds it prerendered from these components at build time (src/prerender). React
// takes it over once the page's code, the stored work and, on a report, the analysis are at hand (main.tsx): it
// adopts the example's report as it is (hydration) and replaces the other pages with the same markup, so what was
// painted stays as it was, in the same place.
import { createContext } from 'react';

/** Marks a control the prerender disabled only until the app runs (the app enables it when it adopts the page). */
export const PRERENDER_DISABLED = 'data-prerender-disabled';

let replacing = true;

/** True until the first page is on screen in React's hands (then pages render as usual). */
export function isFirstScreen(): boolean {
  return replacing;
}

/** Called once the first page is committed (an effect inside the layout's page box). */
export function firstScreenReplaced(): void {
  replacing = false;
}

let exampleLoaded = false;

/** The #/example route put the built-in example into an empty store on this visit (src/app/routes/example-route.tsx). */
export function markExampleLoaded(): void {
  exampleLoaded = true;
}

/** True when the report React is about to show is the built-in example's, the one prerendered in index.html. */
export function isExampleLoaded(): boolean {
  return exampleLoaded;
}

/**
 * True while the build renders the first screens to HTML: a control that does nothing without the app (a button)
 * may render a form that works in plain HTML instead (a link), so a click before the app runs is not lost.
 */
export const Prerendering = createContext(false);
