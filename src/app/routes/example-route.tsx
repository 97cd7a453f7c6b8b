// #/example: opens the tech note's example (what `npm start` points a newcomer at); never overwrites work.
import { useEffect } from 'react';
import { Navigate } from 'react-router';
import { EXAMPLE_PASTES } from '../../features/example/example-pastes';
import { markPasted } from '../../state/diagnosis-runner';
import { useAppStore } from '../../state/store';

export function Component() {
  const hasWork = useAppStore.getState().pastes.some((p) => p.text.length > 0);
  useEffect(() => {
    const s = useAppStore.getState();
    if (hasWork) s.setNotice("Your own pastes were kept: use \"Load the tech note's example\" to replace them.");
    else {
      // One whole paste, not typing: the analysis starts at once instead of after the typing debounce.
      markPasted();
      s.replacePastes([...EXAMPLE_PASTES]);
    }
  }, [hasWork]);
  return <Navigate to={hasWork ? '/paste' : '/report'} replace />;
}
