// Intents read from a remedy's plain command list, for rules that state no structured intent (toggles, show commands).
import type { Finding, FindingId } from '../types';
import type { RemedyIntent } from './intents';

/** Exec-mode lines a remedy may list; `set` is CatOS, which has no configuration mode. */
const EXEC = /^(clear|undebug|debug|set|write|copy|reload)\b/i;

/** What to paste back to see a toggle worked, by finding (rules with structured intents name their own). */
const CHECKS: Partial<Record<FindingId, string[]>> = {
  'console-logging-flushes': ['show logging | include flushes'],
  'cef-not-enabled': ['show ip cef summary'],
  'fast-switching-cache-churn': ['show ip cache | include entries'],
  'http-server-enabled': ['show running-config | include ip http'],
  'mls-flowmask-hides-sources': ['show mls ip'],
  'nat-translation-overload': ['show ip nat statistics'],
  'high-cpu-interrupt': ['show processes cpu sorted'],
};

/** The remedy's first sentence: the step's "why" in the finding's own words. */
function firstSentence(text: string): string {
  const m = /^(.+?[.:])(\s|$)/.exec(text);
  return (m ? m[1]! : text).replace(/:$/, '.');
}

/**
 * `show` lines before any change are pre-checks and after one are what to paste back; `interface X` opens a
 * block of indented lines; exec verbs go in exec steps (`undebug all` first, `clear ...` after); `end` and
 * `configure terminal` are dropped (the plan adds them); everything else is a global toggle.
 */
export function fallbackIntents(f: Finding): RemedyIntent[] {
  const why = firstSentence(f.remedy.summary);
  const out: RemedyIntent[] = [];
  const globals: string[] = [];
  let iface: { kind: 'interface'; interface: string; commands: string[]; why: string } | undefined;
  let changed = false;
  for (const raw of f.remedy.commands) {
    const t = raw.trim();
    if (t === '' || /^(end|configure( terminal)?|conf t|exit)$/i.test(t)) continue;
    if (/^show\b/i.test(t)) {
      out.push({ kind: changed ? 'verify' : 'precheck', commands: [t] });
      continue;
    }
    changed = true;
    if (EXEC.test(t)) {
      out.push({ kind: 'exec', commands: [t], when: /^(undebug|no debug)/i.test(t) ? 'before' : 'after', why });
      iface = undefined;
    } else if (/^interface\s+\S/i.test(t) && !raw.startsWith(' ')) {
      iface = { kind: 'interface', interface: t.replace(/^interface\s+/i, ''), commands: [], why };
      out.push(iface);
    } else if (raw.startsWith(' ') && iface) iface.commands.push(t);
    else {
      iface = undefined;
      globals.push(t);
    }
  }
  if (globals.length) out.push({ kind: 'global', commands: globals, why });
  if (changed && CHECKS[f.id]) out.push({ kind: 'verify', commands: CHECKS[f.id]! });
  return out;
}
