// The Flexible NetFlow cache header (type, size, entries, high watermark, flows added and aged) and the top-N preamble.

export interface FnfCacheHeader {
  type?: string;
  size?: number;
  currentEntries?: number;
  highWatermark?: number;
  flowsAdded?: number;
  /** "Flows not added" (IOS-XE, a full cache): flows the cache had no room for. */
  flowsNotAdded?: number;
  flowsAged?: number;
  /** The aged breakdown as printed: "Active timeout", "Inactive timeout", "Watermark aged", "Emergency aged"... */
  agedBy: Record<string, number>;
  /** 1-based line of each figure, for evidence: `currentEntriesLine`... */
  figureLines: Partial<Record<`${'type' | 'size' | 'currentEntries' | 'highWatermark' | 'flowsAdded' | 'flowsNotAdded' | 'flowsAged'}Line`, number>>;
}

/** `sort ... top N` and `filter` outputs print how many flows they looked at instead of the cache header. */
export interface FnfSelection {
  processed?: number;
  aggregated?: number;
  /** "Showing the top 5 flows": the records shown are the busiest few, a sample. */
  shown?: number;
  /** "Matched 3 flows" (the `filter` form): every flow that passed the filter. */
  matched?: number;
  line: number;
}

const FIELD = /^\s*(Cache type|Cache size|Current entries|High Watermark|Flows added|Flows not added|Flows aged)\s*:\s*(\S(?:[^]*\S)?|)\s*$/i;
const AGED = /^\s*-\s*([A-Za-z][A-Za-z ]*?)\s*(?:\(\s*\d+\s*secs?\))?\s+(\d+)\s*$/;
const KEYS = {
  'cache type': 'type',
  'cache size': 'size',
  'current entries': 'currentEntries',
  'high watermark': 'highWatermark',
  'flows added': 'flowsAdded',
  'flows not added': 'flowsNotAdded',
  'flows aged': 'flowsAged',
} as const;
const SELECTION = /^\s*(Processed|Aggregated to|Showing(?: the top)?|Matched)\s+(\d+)\s+flows?\s*$/i;

/** Reads one header line into `h`; false when the line is not part of the header. */
export function readHeaderLine(line: string, index: number, h: FnfCacheHeader): boolean {
  const f = FIELD.exec(line);
  if (f) {
    const key = KEYS[f[1]!.toLowerCase() as keyof typeof KEYS];
    if (key === 'type') h.type = f[2]!;
    else {
      if (!/^\d+$/.test(f[2]!)) return false;
      h[key] = +f[2]!;
    }
    h.figureLines[`${key}Line`] = index + 1;
    return true;
  }
  const a = AGED.exec(line);
  if (a) {
    h.agedBy[a[1]!.trim()] = +a[2]!;
    return true;
  }
  return false;
}

export function readSelectionLine(line: string, index: number, s: FnfSelection | undefined): FnfSelection | undefined | false {
  const m = SELECTION.exec(line);
  if (!m) return false;
  const out: FnfSelection = s ?? { line: index + 1 };
  const word = m[1]!.toLowerCase();
  if (word === 'processed') out.processed = +m[2]!;
  else if (word === 'aggregated to') out.aggregated = +m[2]!;
  else if (word === 'matched') out.matched = +m[2]!;
  else out.shown = +m[2]!;
  return out;
}

export function emptyHeader(): FnfCacheHeader {
  return { agedBy: {}, figureLines: {} };
}

/** True when the header says anything at all. */
export function headerRead(h: FnfCacheHeader): boolean {
  return Object.keys(h.figureLines).length > 0;
}

/**
 * A cache that filled up: current entries, or the high watermark, at its size. Flows then age out early (the
 * "Emergency aged" and "Watermark aged" counters) and new flows are lost: in itself evidence of a flood of flows.
 */
export interface FnfCachePressure {
  /** Which figure reached the size, with its line. */
  figure: 'current entries' | 'high watermark';
  value: number;
  size: number;
  line: number;
  /** Flows aged early because the cache was full (emergency + watermark aged), when printed. */
  agedEarly?: number;
  /** Flows the full cache had no room for ("Flows not added"), when printed. */
  notAdded?: number;
}

export function cachePressure(h: FnfCacheHeader): FnfCachePressure | undefined {
  if (h.size === undefined || h.size <= 0) return undefined;
  const early = (h.agedBy['Emergency aged'] ?? 0) + (h.agedBy['Watermark aged'] ?? 0);
  const extra = { ...(early > 0 ? { agedEarly: early } : {}), ...(h.flowsNotAdded ? { notAdded: h.flowsNotAdded } : {}) };
  if (h.currentEntries !== undefined && h.currentEntries >= h.size)
    return { figure: 'current entries', value: h.currentEntries, size: h.size, line: h.figureLines.currentEntriesLine!, ...extra };
  if (h.highWatermark !== undefined && h.highWatermark >= h.size)
    return { figure: 'high watermark', value: h.highWatermark, size: h.size, line: h.figureLines.highWatermarkLine!, ...extra };
  return undefined;
}
