// #/example: opens the tech note's example (what `npm start` points a newcomer at); never overwrites work.
// A loader, not an effect: the example is in the store and the address says #/report before the first render, so
// a first visit's first commit is the report itself (the prerendered one in index.html is already on screen).
import { replace } from 'react-router';
import { EXAMPLE_PASTES } from '../../features/example/example-pastes';
import { markPasted } from '../../state/diagnosis-runner';
import { useAppStore } from '../../state/store';
import { markExampleLoaded } from '../../ui/first-screen';
import { whenHydrated } from '../when-hydrated';

export async function loader(): Promise<Response> {
  await whenHydrated();
  const s = useAppStore.getState();
  if (s.pastes.some((p) => p.text.length > 0)) {
    s.setNotice("Your own pastes were kept: use \"Load the tech note's example\" to replace them.");
    return replace('/paste');
  }
  // One whole paste, not typing: the analysis starts at once instead of after the typing debounce.
  markPasted();
  s.replacePastes([...EXAMPLE_PASTES]);
  markExampleLoaded();
  return replace('/report');
}

export function Component() {
  return null;
}
