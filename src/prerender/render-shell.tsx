// Build time only (src/prerender/prerender-plugin.ts runs this in Node): the first screen of each page, rendered to
// HTML from the app's own components, for index.html. The tech note's example report is diagnosed here by the real
// core (the worker's own code path, src/worker/diagnose-pastes.ts) on the built-in example, so #/example paints its
// headline, plan and findings from HTML and CSS alone; the app then replaces the screen with the same markup.
//
// One header and footer (the layout's), then one block per page; the page the address names is shown by CSS alone
// (app.css, "prerendered first screen"): the fragment #/paste makes the empty marker id="/paste" the :target. The
// CSP allows no inline script to pick it. The example's report stops after its findings, as the app's first commit
// does (report-route.tsx): the rest is far below any first screen and would only weigh on index.html.
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { createPath, Route, Router, Routes, type Navigator } from 'react-router';
import { Layout } from '../app/layout';
import { Component as PastePage } from '../app/routes/paste-route';
import { Component as ReportPage, ReportTitle } from '../app/routes/report-route';
import { Component as StartPage } from '../app/routes/start-route';
import { EXAMPLE_PASTES } from '../features/example/example-pastes';
import { useAppStore } from '../state/store';
import { Prerendering } from '../ui/first-screen';
import { diagnosePastes } from '../worker/diagnose-pastes';
import { disableControls } from './disable-controls';

/** Links as the hash router writes them (#/paste), so the prerendered ones work before the app runs. */
const hashNavigator: Navigator = {
  createHref: (to) => `#${typeof to === 'string' ? to : createPath(to)}`,
  go: () => undefined,
  push: () => undefined,
  replace: () => undefined,
};

/** Where the pages go: the layout's page box, around the slot. */
const SLOT = '<div class="route-page"><span data-prerender-pages=""></span></div>';

function Slot() {
  return <span data-prerender-pages="" />;
}

function render(path: string, page: ReactNode): string {
  // renderToString reads a zustand store through useSyncExternalStore's server snapshot, which is the store's
  // initial state: here (a build process) that is set to the state the page is rendered with.
  Object.assign(useAppStore.getInitialState(), useAppStore.getState());
  return renderToString(
    <Prerendering.Provider value={true}>
      <Router location={path} navigator={hashNavigator}>
        {page}
      </Router>
    </Prerendering.Provider>,
  );
}

/** The store as a fresh profile has it once stored work is read back (nothing stored). */
function freshStore(): void {
  useAppStore.getState().startOver();
  useAppStore.setState({ hydrated: true, notice: null, storageProblem: null });
}

export interface PrerenderedPage {
  /** The page's marker id: the address fragment that shows it (#/paste). */
  marker: string;
  name: string;
  html: string;
}

export interface Shell {
  /** Everything that goes inside <div id="root">. */
  root: string;
  pages: PrerenderedPage[];
  /** The example's figures, as the core found them at build time (for the build log and the tests). */
  example: { infected: string[]; findings: number };
}

export function renderShell(): Shell {
  freshStore();
  // The layout, at an address no page has (no step highlighted: CSS does that per page), around a slot.
  const frame = render(
    '/first-screen',
    <Routes>
      <Route path="/" element={<Layout />}>
        <Route path="*" element={<Slot />} />
      </Route>
    </Routes>,
  );
  if (!frame.includes(SLOT)) throw new Error('prerender: the layout did not render its page slot');

  const pages: PrerenderedPage[] = [];
  freshStore();
  pages.push({ marker: '/', name: 'start', html: render('/', <StartPage />) });
  // The paste page's loader adds the empty first panel before it renders.
  useAppStore.getState().addPaste();
  pages.push({ marker: '/paste', name: 'paste', html: render('/paste', <PastePage />) });
  // #/report holds stored work the build cannot know: its heading only, until the app shows the rest.
  freshStore();
  pages.push({ marker: '/report', name: 'report', html: render('/report', <ReportTitle />) });
  // #/example: the built-in example, diagnosed now by the core, as the app shows it once the worker has answered.
  freshStore();
  const s = useAppStore.getState();
  s.replacePastes([...EXAMPLE_PASTES]);
  const sent = useAppStore.getState().pastes.map((p) => ({ source: p.name, text: p.text }));
  const { diagnosis, nextSteps } = diagnosePastes(sent, {});
  s.setDiagnosis(diagnosis, null);
  s.setNextSteps(nextSteps);
  pages.push({ marker: '/example', name: 'example', html: render('/report', <ReportPage />) });
  const example = {
    infected: (useAppStore.getState().diagnosis?.hosts ?? []).filter((h) => h.verdict === 'infected').map((h) => h.ip),
    findings: useAppStore.getState().diagnosis?.findings.length ?? 0,
  };
  freshStore();

  const markers = pages.map((p) => `<span class="shell-marker" id="${p.marker}" hidden=""></span>`).join('');
  // Each page in the layout's own page box (class="route-page"), marked for CSS: the app can adopt the one shown.
  const blocks = pages.map((p) => `<div class="route-page shell-page shell-${p.name}">${p.html}</div>`).join('');
  const root = disableControls(markers + frame.replace(SLOT, blocks));
  const ids = [...root.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length) throw new Error(`prerender: ids used twice in the first screen: ${[...new Set(twice)].join(', ')}`);
  if (/<script|\sstyle="|\son[a-z]+=/i.test(root)) throw new Error('prerender: inline script or style in the first screen (the CSP forbids both)');
  return { root, pages, example };
}
