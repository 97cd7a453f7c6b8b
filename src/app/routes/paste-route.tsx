// Paste page: the paste panels (one is always there to type into) and the way on to the report.
import { useEffect } from 'react';
import { Link } from 'react-router';
import { ExampleButton } from '../../features/example/example-button';
import { PastePanels } from '../../features/paste/paste-panels';
import { useAppStore } from '../../state/store';

export function Component() {
  const count = useAppStore((s) => s.pastes.length);
  const addPaste = useAppStore((s) => s.addPaste);
  useEffect(() => {
    if (count === 0) addPaste();
  }, [count, addPaste]);
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
