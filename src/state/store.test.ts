// Store actions: unique panel names, the size limit refuses in words, start over clears and says so.
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TOTAL_INPUT_BYTES } from './limits';
import { useAppStore } from './store';

describe('app store', () => {
  beforeEach(() => useAppStore.getState().startOver());

  it('gives every panel a unique name (names are evidence sources)', () => {
    const s = useAppStore.getState();
    s.addPaste('flows.txt', 'a');
    s.addPaste('flows.txt', 'b');
    s.addPaste();
    expect(useAppStore.getState().pastes.map((p) => p.name)).toEqual(['flows.txt', 'flows.txt (2)', 'paste 3']);
  });

  it('refuses text past the total size limit, keeps the old text and says why', () => {
    const s = useAppStore.getState();
    const id = s.addPaste('a', 'small')!;
    expect(s.setPasteText(id, 'x'.repeat(MAX_TOTAL_INPUT_BYTES + 1))).toBe(false);
    const after = useAppStore.getState();
    expect(after.pastes[0]!.text).toBe('small');
    expect(after.pasteError).toMatch(/larger than 50\.0 MB/);
    expect(after.setPasteText(id, 'fine')).toBe(true);
    expect(useAppStore.getState().pasteError).toBeNull();
  });

  it('start over clears pastes, answers and results and leaves a notice', () => {
    const s = useAppStore.getState();
    s.addPaste('a', 'text');
    s.setAnswer('cpu', 'interrupt');
    s.setDiagnosis({ version: 1, inputs: [], hosts: [], findings: [] }, 5);
    useAppStore.getState().startOver();
    const after = useAppStore.getState();
    expect(after.pastes).toEqual([]);
    expect(after.answers).toEqual({});
    expect(after.diagnosis).toBeNull();
    expect(after.notice).toMatch(/Started over/);
  });
});
