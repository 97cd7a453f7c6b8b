// "Load the tech note's example": replaces the pastes with the tech note's captures and opens the report.
import { useContext } from 'react';
import { useNavigate } from 'react-router';
import { Prerendering } from '../../ui/first-screen';
import { markPasted } from '../../state/diagnosis-runner';
import { useAppStore } from '../../state/store';
import { EXAMPLE_PASTES } from './example-pastes';

export function ExampleButton({ goTo = '/report' }: { goTo?: string }) {
  const replacePastes = useAppStore((s) => s.replacePastes);
  const hasWork = useAppStore((s) => s.pastes.some((p) => p.text.length > 0));
  const navigate = useNavigate();
  // In the prerendered first screen (no script yet): a link, which works before the app runs (#/example loads it).
  if (useContext(Prerendering)) {
    return (
      <a className="button" href="#/example">
        Load the tech note's example
      </a>
    );
  }
  return (
    <button
      type="button"
      onClick={() => {
        if (hasWork && !window.confirm('Replace your pastes with the tech note\'s example?')) return;
        markPasted(); // one whole paste, not typing: no debounce
        replacePastes([...EXAMPLE_PASTES]);
        void navigate(goTo);
      }}
    >
      Load the tech note's example
    </button>
  );
}
