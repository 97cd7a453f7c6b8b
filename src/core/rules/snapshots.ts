// Repeated snapshots of one command on one router (an engineer pastes `show processes cpu` every minute, or a terminal
// log of a script that ran it for a day): one finding per condition, from the worst snapshot, that says how many there
// were and what the last one pasted showed. A finding per snapshot buried the report (a day's log at one a minute gave
// 1,440 findings of high interrupt CPU).
import type { ParsedSection } from '../sections';
import { parsePrompt } from '../text/prompt';
import type { RuleContext } from './rule-types';

/** One snapshot read by a rule: how bad it is (higher is worse) and whether it alone would fire the rule. */
export interface SnapshotReading<S, T> {
  section: S;
  value: T;
  level: number;
  fires: boolean;
}

/** The snapshots of one command, read: the worst one that fires, the last one read, and counts. */
export interface Snapshots<S, T> {
  worst: SnapshotReading<S, T>;
  /** The last snapshot pasted that could be read (it may not fire: the condition may have passed). */
  last: SnapshotReading<S, T>;
  /** Snapshots read, and those that fire. */
  read: number;
  firing: number;
}

/**
 * Read each section (`read` returns undefined for one that says nothing, such as a filtered paste without the line);
 * undefined when none fires. The worst is the highest level, the first of equals.
 */
export function snapshots<S, T>(sections: readonly S[], read: (s: S) => Omit<SnapshotReading<S, T>, 'section'> | undefined): Snapshots<S, T> | undefined {
  let worst: SnapshotReading<S, T> | undefined;
  let last: SnapshotReading<S, T> | undefined;
  let n = 0;
  let firing = 0;
  for (const section of sections) {
    const r = read(section);
    if (!r) continue;
    const reading = { section, ...r };
    n++;
    last = reading;
    if (!r.fires) continue;
    firing++;
    if (!worst || r.level > worst.level) worst = reading;
  }
  return worst && last ? { worst, last, read: n, firing } : undefined;
}

/**
 * Words for a title after the worst snapshot's figures, when there were several: "; the highest of 3 snapshots (2
 * over the threshold), the last one pasted: 12%/3%". `worstWord` names the extreme ("highest", "lowest"), `lastText`
 * the last snapshot's figures (said only when it is another snapshot than the worst).
 */
export function snapshotNote(s: Snapshots<unknown, unknown>, worstWord: string, lastText: string): string {
  if (s.read < 2) return '';
  const over = s.firing === s.read ? '' : ` (${s.firing} over the threshold)`;
  const last = s.last.section === s.worst.section ? ', the last one pasted' : `, the last one pasted: ${lastText}`;
  return `; the ${worstWord} of ${s.read} snapshots${over}${last}`;
}

/**
 * Sections of one command grouped by router, as far as the pastes tell: a paste, and within it the hostname of the
 * prompt that echoed the command (a terminal log may hold two routers' sessions). In paste order.
 */
export function byRouter<S extends Pick<ParsedSection, 'source' | 'summary'>>(ctx: RuleContext, sections: readonly S[]): S[][] {
  const groups = new Map<string, S[]>();
  for (const s of sections) {
    const echo = s.summary.command !== undefined ? parsePrompt(ctx.evidence(s.source, s.summary.firstLine).text) : null;
    const key = `${s.source}\u0000${echo?.host ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(s);
  }
  return [...groups.values()];
}
