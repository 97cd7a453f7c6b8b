// The first screen: index.html holds it prerendered from these components at build time (src/prerender). React
// replaces it once the page's code, the stored work and, on a report, the analysis are at hand (main.tsx), so its
// first commit shows what was already painted, in the same place.
import { createContext } from 'react';

let replacing = true;

/** True until React's first commit has replaced the prerendered screen (then pages render as usual). */
export function isFirstScreen(): boolean {
  return replacing;
}

/** Called once the app's first commit is on screen (the layout's first effect). */
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
