// What is persisted, its version, and how older or damaged stored copies are read back: keep what is valid.
import { validateAnswers } from '../core/answers';
import type { Answers } from '../core/types';
import { MAX_PASTES, MAX_TOTAL_INPUT_BYTES } from './limits';
import type { FileRef } from './files-slice';
import { newPasteId, uniqueName, type PasteEntry } from './pastes-slice';
import { DEFAULT_VIEW, type HostSortKey, type VerdictFilter } from './view-slice';

export const STORE_NAME = 'code-red-triage';
/** v1: { pastes: {id,name,text}[], files?: {id,name,size,lastModified}[], answers, view }. v0 (first prototype): { pastes: string[], answers }. */
export const STORE_VERSION = 1;

export interface StoredState {
  pastes: PasteEntry[];
  /** Big files by reference; read back as 'missing' (the page must ask for the file again). */
  files: FileRef[];
  answers: Answers;
  hostSort: { key: HostSortKey; dir: 'asc' | 'desc' };
  hostPage: number;
  verdictFilter: VerdictFilter;
  selectedSource: string | null;
  /** Share links anonymise (view-slice.ts); absent in work stored before it was kept. */
  shareAnonymise?: boolean;
}

const SORT_KEYS: readonly HostSortKey[] = ['ip', 'interface', 'flows', 'destinations', 'port80Flows', 'packetsPerFlow', 'verdict'];
const FILTERS: readonly VerdictFilter[] = ['all', 'infected', 'suspect', 'clean'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read back whatever is usable; `problems` says, in words, what was dropped. Never throws. */
export function sanitiseStored(raw: unknown): { state: StoredState; problems: string[] } {
  const problems: string[] = [];
  const src = isObj(raw) ? raw : {};
  if (!isObj(raw) && raw !== undefined && raw !== null) problems.push('the saved work was not in a readable shape');

  const pastes: PasteEntry[] = [];
  let bytes = 0;
  if (Array.isArray(src.pastes)) {
    for (const p of src.pastes) {
      const text = typeof p === 'string' ? p : isObj(p) && typeof p.text === 'string' ? p.text : null;
      if (text === null) {
        problems.push('a saved paste was damaged and was dropped');
        continue;
      }
      if (pastes.length >= MAX_PASTES || bytes + text.length > MAX_TOTAL_INPUT_BYTES) {
        problems.push('saved pastes beyond the size limit were dropped');
        break;
      }
      bytes += text.length;
      const wanted = isObj(p) && typeof p.name === 'string' ? p.name.slice(0, 200) : `paste ${pastes.length + 1}`;
      const id = isObj(p) && typeof p.id === 'string' && /^[\w-]{1,64}$/.test(p.id) && !pastes.some((x) => x.id === p.id) ? p.id : newPasteId();
      pastes.push({ id, name: uniqueName(wanted, pastes.map((x) => x.name)), text });
    }
  } else if (src.pastes !== undefined) problems.push('the saved pastes were damaged');

  const files: FileRef[] = [];
  if (Array.isArray(src.files)) {
    for (const f of src.files) {
      const ok =
        isObj(f) && typeof f.name === 'string' && f.name.length > 0 && Number.isSafeInteger(f.size) && (f.size as number) >= 0 &&
        Number.isFinite(f.lastModified);
      if (!ok || files.length + pastes.length >= MAX_PASTES) {
        problems.push('a saved file reference was damaged and was dropped');
        continue;
      }
      const id = typeof f.id === 'string' && /^[\w-]{1,64}$/.test(f.id) && !pastes.some((x) => x.id === f.id) && !files.some((x) => x.id === f.id) ? f.id : newPasteId();
      const name = uniqueName((f.name as string).slice(0, 200), [...pastes.map((x) => x.name), ...files.map((x) => x.name)]);
      files.push({ id, name, size: f.size as number, lastModified: f.lastModified as number, state: 'missing' });
    }
  } else if (src.files !== undefined) problems.push('the saved file references were damaged');

  let answers: Answers = {};
  if (isObj(src.answers)) {
    const strings: Record<string, string> = {};
    for (const [k, v] of Object.entries(src.answers)) if (typeof v === 'string') strings[k] = v;
    const checked = validateAnswers(strings);
    answers = checked.answers;
    if (checked.problems.length > 0) problems.push('some saved answers are no longer asked and were dropped');
  }

  const sort = isObj(src.hostSort) ? src.hostSort : {};
  const hostSort: StoredState['hostSort'] = {
    key: SORT_KEYS.includes(sort.key as HostSortKey) ? (sort.key as HostSortKey) : DEFAULT_VIEW.hostSort.key,
    dir: sort.dir === 'asc' ? 'asc' : sort.dir === 'desc' ? 'desc' : DEFAULT_VIEW.hostSort.dir,
  };
  const hostPage = typeof src.hostPage === 'number' && Number.isInteger(src.hostPage) && src.hostPage >= 0 ? src.hostPage : 0;
  const verdictFilter = FILTERS.includes(src.verdictFilter as VerdictFilter) ? (src.verdictFilter as VerdictFilter) : 'all';
  const selectedSource = typeof src.selectedSource === 'string' && /^[\d.]{7,15}$/.test(src.selectedSource) ? src.selectedSource : null;
  const shareAnonymise = src.shareAnonymise === true;
  return { state: { pastes, files, answers, hostSort, hostPage, verdictFilter, selectedSource, shareAnonymise }, problems };
}

/** Bring an older stored shape up to the current one; sanitiseStored then validates every field. */
export function migrateStored(raw: unknown, fromVersion: number): unknown {
  if (fromVersion === 0 && isObj(raw) && Array.isArray(raw.pastes)) {
    return { ...raw, pastes: raw.pastes.map((t, i) => (typeof t === 'string' ? { name: `paste ${i + 1}`, text: t } : t)) };
  }
  return raw;
}
