// Reading back stored work: keep what validates, say what was dropped, never throw; v0 migrates.
import { describe, expect, it } from 'vitest';
import { MAX_PASTES, MAX_TOTAL_INPUT_BYTES } from './limits';
import { migrateStored, sanitiseStored } from './stored-state';

describe('sanitiseStored', () => {
  it('keeps a valid state as it is', () => {
    const { state, problems } = sanitiseStored({
      pastes: [{ id: 'a1', name: 'flows.txt', text: 'Router#show ip cache flow' }],
      answers: { cpu: 'interrupt' },
      hostSort: { key: 'ip', dir: 'asc' },
      hostPage: 2,
      verdictFilter: 'infected',
      selectedSource: '10.1.1.1',
      shareAnonymise: true,
    });
    expect(problems).toEqual([]);
    expect(state.pastes).toEqual([{ id: 'a1', name: 'flows.txt', text: 'Router#show ip cache flow' }]);
    expect(state.answers).toEqual({ cpu: 'interrupt' });
    expect(state.hostSort).toEqual({ key: 'ip', dir: 'asc' });
    expect(state.hostPage).toBe(2);
    expect(state.verdictFilter).toBe('infected');
    expect(state.selectedSource).toBe('10.1.1.1');
    expect(state.shareAnonymise).toBe(true);
  });

  it('drops damaged pieces, keeps the rest, and says what went', () => {
    const { state, problems } = sanitiseStored({
      pastes: [{ name: 'good', text: 'x' }, 7, { name: 'no text' }, { id: '<script>', name: 'good', text: 'y' }],
      answers: { cpu: 'interrupt', memory: 'lots', nonsense: 'yes', reloads: 3 },
      hostSort: { key: 'evil', dir: 'sideways' },
      hostPage: -1,
      verdictFilter: 'everything',
      selectedSource: '<img src=x onerror=alert(1)>',
      shareAnonymise: 'yes',
    });
    expect(state.pastes.map((p) => [p.name, p.text])).toEqual([['good', 'x'], ['good (2)', 'y']]);
    expect(state.pastes[1]!.id).not.toBe('<script>');
    expect(state.answers).toEqual({ cpu: 'interrupt' });
    expect(state.hostSort).toEqual({ key: 'flows', dir: 'desc' });
    expect(state.hostPage).toBe(0);
    expect(state.verdictFilter).toBe('all');
    expect(state.selectedSource).toBeNull();
    // Only a stored true keeps links anonymised; anything else reads as the default (off, and the box shows it).
    expect(state.shareAnonymise).toBe(false);
    expect(problems.join(' ')).toMatch(/damaged/);
    expect(problems.join(' ')).toMatch(/answers/);
  });

  it('treats non-objects as nothing stored, with a problem when it was not empty', () => {
    for (const raw of ['junk', 42, [1, 2], true]) {
      const { state, problems } = sanitiseStored(raw);
      expect(state.pastes).toEqual([]);
      expect(problems.length).toBe(1);
    }
    expect(sanitiseStored(undefined).problems).toEqual([]);
    expect(sanitiseStored(null).problems).toEqual([]);
  });

  it('enforces the paste count and size limits on what it reads back', () => {
    const many = Array.from({ length: MAX_PASTES + 3 }, (_, i) => ({ name: `p${i}`, text: 'x' }));
    expect(sanitiseStored({ pastes: many }).state.pastes).toHaveLength(MAX_PASTES);
    const big = [{ name: 'a', text: 'x'.repeat(MAX_TOTAL_INPUT_BYTES - 10) }, { name: 'b', text: 'y'.repeat(20) }];
    const r = sanitiseStored({ pastes: big });
    expect(r.state.pastes.map((p) => p.name)).toEqual(['a']);
    expect(r.problems.join(' ')).toMatch(/size limit/);
  });
});

describe('migrateStored', () => {
  it('turns v0 plain-string pastes into named pastes', () => {
    const migrated = migrateStored({ pastes: ['one', 'two'], answers: { cpu: 'process' } }, 0);
    const { state } = sanitiseStored(migrated);
    expect(state.pastes.map((p) => [p.name, p.text])).toEqual([['paste 1', 'one'], ['paste 2', 'two']]);
    expect(state.answers).toEqual({ cpu: 'process' });
  });
  it('leaves other shapes to the sanitiser', () => {
    expect(migrateStored('junk', 0)).toBe('junk');
  });
  it('reads big-file references back as missing (the bytes were never stored) and drops damaged ones', () => {
    const { state, problems } = sanitiseStored({
      pastes: [{ id: 'a1', name: 'flows.txt', text: 'x' }],
      files: [
        { id: 'f1', name: 'core.txt', size: 83_000_000, lastModified: 1_764_000_000_000, state: 'open' },
        { id: 'f2', name: 'flows.txt', size: 2_000_000, lastModified: 1 },
        { name: 'bad', size: -1, lastModified: 1 },
        'core.txt',
      ],
    });
    expect(state.files).toEqual([
      { id: 'f1', name: 'core.txt', size: 83_000_000, lastModified: 1_764_000_000_000, state: 'missing' },
      // A name a paste already has gets a suffix: names are evidence sources.
      { id: 'f2', name: 'flows.txt (2)', size: 2_000_000, lastModified: 1, state: 'missing' },
    ]);
    expect(problems).toEqual(['a saved file reference was damaged and was dropped', 'a saved file reference was damaged and was dropped']);
    expect(sanitiseStored({ files: 'nope' }).problems).toEqual(['the saved file references were damaged']);
  });
});
