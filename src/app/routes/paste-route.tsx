// Paste page: the paste panels (one is always there to type into) and the way on to the report.
import { useEffect, useLayoutEffect } from 'react';
import { Link } from 'react-router';
import { ExampleButton } from '../../features/example/example-button';
import { PastePanels } from '../../features/paste/paste-panels';
import { useAppStore } from '../../state/store';
import { whenHydrated } from '../when-hydrated';
import { prewarmAnalysis } from '../../state/diagnosis-runner';

/**
 * The empty first panel exists before the page first renders: added from an effect, it appeared a frame after the
 * page and pushed the buttons below it down (a layout shift, CLS 0.125 in Lighthouse on a fresh profile, issue 6).
 */
export async function loader(): Promise<null> {
  await whenHydrated();
  const s = useAppStore.getState();
  if (s.pastes.length === 0) s.addPaste();
  return null;
}

export function Component() {
  const count = useAppStore((s) => s.pastes.length);
  const addPaste = useAppStore((s) => s.addPaste);
  // After "Remove" of the last panel; the first panel is added by the loader below.
  useLayoutEffect(() => {
    if (count === 0) addPaste();
  }, [count, addPaste]);
  // Whoever opens this page is about to paste: the analysis worker starts once the page is idle, so its start-up is
  // not part of the first verdict.
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const h = requestIdleCallback(prewarmAnalysis, { timeout: 2000 });
      return () => cancelIdleCallback(h);
    }
    const t = setTimeout(prewarmAnalysis, 500);
    return () => clearTimeout(t);
  }, []);
  return (
    <>
      <h1>Paste router output</h1>
      <p>
        Paste what the router printed, prompt lines and all; several commands may share one panel. Start with{' '}
        <code>show ip cache flow</code> (or <code>show ip accounting</code>) and <code>show processes cpu</code>.
      </p>
      <PastePanels />
      <div className="actions">
        <Link className="button" to="/report">
          See the report
        </Link>
        <ExampleButton />
      </div>
    </>
  );
}
