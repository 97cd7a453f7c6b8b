// View slice: how the engineer is looking at the report (host sort, page, filters, selected source).
import type { StateCreator } from 'zustand';
import type { AppState } from './store-types';

export type HostSortKey = 'ip' | 'interface' | 'flows' | 'destinations' | 'port80Flows' | 'packetsPerFlow' | 'verdict';
export type VerdictFilter = 'all' | 'infected' | 'suspect' | 'clean';

export interface ViewSlice {
  hostSort: { key: HostSortKey; dir: 'asc' | 'desc' };
  hostPage: number;
  verdictFilter: VerdictFilter;
  /** A source address picked in the hosts table or a chart: evidence is filtered to its lines. */
  selectedSource: string | null;
  /** One-shot notice shown in the layout (e.g. "Started over"). Not persisted. */
  notice: string | null;
  /**
   * Share links anonymise addresses and names: kept here, not in the share panel, so the engineer's tick survives the
   * panel being drawn again (a fresh analysis after a reload replaces the report under it) and a reload.
   */
  shareAnonymise: boolean;
  setHostSort: (key: HostSortKey) => void;
  setHostPage: (page: number) => void;
  setVerdictFilter: (f: VerdictFilter) => void;
  selectSource: (ip: string | null) => void;
  setNotice: (notice: string | null) => void;
  setShareAnonymise: (on: boolean) => void;
}

export const DEFAULT_VIEW = {
  hostSort: { key: 'flows' as HostSortKey, dir: 'desc' as const },
  hostPage: 0,
  verdictFilter: 'all' as VerdictFilter,
  selectedSource: null,
  shareAnonymise: false,
};

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  ...DEFAULT_VIEW,
  notice: null,
  setHostSort(key) {
    const cur = get().hostSort;
    const dir = cur.key === key ? (cur.dir === 'asc' ? 'desc' : 'asc') : key === 'ip' || key === 'interface' ? 'asc' : 'desc';
    set({ hostSort: { key, dir }, hostPage: 0 });
  },
  setHostPage(page) {
    set({ hostPage: Math.max(0, page) });
  },
  setVerdictFilter(verdictFilter) {
    set({ verdictFilter, hostPage: 0 });
  },
  selectSource(selectedSource) {
    set({ selectedSource });
  },
  setNotice(notice) {
    set({ notice });
  },
  setShareAnonymise(shareAnonymise) {
    set({ shareAnonymise });
  },
});
