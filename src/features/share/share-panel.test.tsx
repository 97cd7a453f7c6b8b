// @vitest-environment jsdom
// The share panel's guard on what reaches the clipboard: a link made for an earlier ask (the other anonymise setting)
// is never shown or copied, and the engineer's "anonymise" tick survives the panel being drawn again.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShareInput, ShareLink } from '../../share/build-share';

/** Links asked of the (mocked) worker, each resolved by the test when it wants. */
const asks: { input: ShareInput; resolve: (l: ShareLink) => void }[] = [];
vi.mock('../../worker/link-client', () => ({
  buildLinkInWorker: (input: ShareInput) => new Promise<ShareLink>((resolve) => asks.push({ input, resolve })),
}));

const { SharePanel } = await import('./share-panel');
const { useAppStore } = await import('../../state/store');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const linkOf = (anonymised: boolean): ShareLink => ({ url: `https://triage.example/#/report?d=v1.${anonymised ? 'anon' : 'plain'}`, mode: 'input', redacted: [], anonymised, omitted: [], overBudget: false });

let host: HTMLDivElement;
let root: Root;
const copied: string[] = [];

beforeEach(() => {
  asks.length = 0;
  copied.length = 0;
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void copied.push(t) } });
  useAppStore.setState({
    diagnosis: { version: 1, inputs: [], hosts: [], findings: [] } as never,
    pastes: [{ id: 'p1', name: 'cache.txt', text: 'R1#show ip cache flow' } as never],
    shareAnonymise: false,
  });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(<SharePanel />));
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const checkbox = () => host.querySelector<HTMLInputElement>('input[type=checkbox]')!;
const button = () => [...host.querySelectorAll('button')].find((b) => /share link/i.test(b.textContent ?? ''))!;
const field = () => host.querySelector<HTMLTextAreaElement>('textarea');
/** Let the mocked worker's promise (and the panel's awaits after it) settle. */
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
/** Wait (inside act) until `n` links were asked of the worker (the panel loads its client on the first ask). */
const asked = (n: number) => act(async () => vi.waitFor(() => expect(asks).toHaveLength(n)));

describe('SharePanel', () => {
  it('a plain link still being made when "anonymise" is ticked is neither shown nor copied; the anonymised one is', async () => {
    await act(async () => button().click());
    await asked(1);
    expect(asks[0]!.input.anonymiseKey).toBeNull();
    expect(host.textContent).toContain('Making the link');
    act(() => checkbox().click());
    expect(checkbox().checked).toBe(true);
    // The plain link arrives after the tick: void.
    asks[0]!.resolve(linkOf(false));
    await settle();
    expect(field()).toBeNull();
    expect(copied).toEqual([]);
    await act(async () => button().click());
    await asked(2);
    expect(asks[1]!.input.anonymiseKey).not.toBeNull();
    expect(host.textContent).toContain('Making the anonymised link');
    asks[1]!.resolve(linkOf(true));
    await settle();
    expect(field()?.value).toContain('anon');
    expect(copied).toEqual([linkOf(true).url]);
  });

  it('a link asked twice: only the later answer counts, whichever comes first', async () => {
    await act(async () => button().click());
    await act(async () => button().click());
    await asked(2);
    asks[1]!.resolve({ ...linkOf(false), url: `${linkOf(false).url}-second` });
    await settle();
    asks[0]!.resolve(linkOf(false));
    await settle();
    expect(field()?.value).toMatch(/-second$/);
    expect(copied).toEqual([`${linkOf(false).url}-second`]);
  });

  it('a diagnosis replaced while its link is made (a restored session\'s analysis landing): the new one\'s link is made and copied', async () => {
    await act(async () => button().click());
    await asked(1);
    act(() => useAppStore.setState({ diagnosis: { version: 1, inputs: [], hosts: [], findings: [], fresh: true } as never }));
    asks[0]!.resolve(linkOf(false));
    await settle();
    await asked(2);
    expect(asks[1]!.input.diagnosis).toMatchObject({ fresh: true });
    asks[1]!.resolve({ ...linkOf(false), url: `${linkOf(false).url}-fresh` });
    await settle();
    expect(field()?.value).toMatch(/-fresh$/);
    expect(copied).toEqual([`${linkOf(false).url}-fresh`]);
  });

  it('the tick survives the panel being drawn again (a fresh analysis replaces the report under it)', () => {
    act(() => checkbox().click());
    expect(checkbox().checked).toBe(true);
    act(() => root.unmount());
    root = createRoot(host);
    act(() => root.render(<SharePanel />));
    expect(checkbox().checked).toBe(true);
  });
});
