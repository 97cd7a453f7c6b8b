// console-logging-flushes: `show logging` flushes (or drops/overruns) while logging to the console; remedy: stop it.
import { sectionsOf } from '../sections';
import type { Evidence, Finding } from '../types';
import { answered, answerFinding, unconfirmed } from './answer-finding';
import { configs, onRouter } from './parsed-facts';
import type { RuleContext, RuleDef } from './rule-types';
import { byRouter, snapshotNote, snapshots } from './snapshots';
import { logEntries } from './acl-log-keyword';
import { seeFinding } from './finding-names';

const CONFIRM = ['show logging', 'show running-config | include logging|log'];

function remedy(ctx: RuleContext, level: string | undefined): Finding['remedy'] {
  const logged = logEntries(ctx);
  const acls = [...new Set(logged.map((e) => e.acl))];
  return {
    summary:
      'The console is a 9600-baud line: when it cannot keep up the router disables interrupts and does nothing but print. ' +
      'Stop console logging, stop debugs, and take log keywords off busy ACLs.',
    commands: ['no logging console', 'undebug all'],
    caveats: [
      ...(acls.length
        ? [`ACL${acls.length > 1 ? 's' : ''} ${acls.join(', ')} log matches: remove the log keywords (${seeFinding('acl-log-keyword')} for the ready-made ACLs).`]
        : ['Any ACL entry with log or log-input, and any debug watching IP flows, feeds the same console: remove them while under attack.']),
      'undebug all is an exec command (type it at the # prompt, not in configuration mode).',
      'Keep messages in memory with logging buffered if you still need them.',
    ],
    alternatives: [
      {
        summary: `Keep the console but only for serious messages${level ? ` (now at ${level})` : ''}.`,
        commands: ['logging console warnings'],
      },
    ],
  };
}

function fromEvidence(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  // One finding a router, from the snapshot with the most (its counters only grow: usually the last one).
  for (const group of byRouter(ctx, sectionsOf(ctx.sections, 'show logging'))) {
    const snaps = snapshots(group, (s) => {
      const d = s.data;
      if (d.console === undefined && d.flushes === undefined && d.dropped === undefined && d.overruns === undefined) return undefined;
      const level = (d.flushes ?? 0) + (d.dropped ?? 0) + (d.overruns ?? 0);
      return { value: d, level, fires: d.console?.enabled === true && level > 0 };
    });
    if (!snaps) continue;
    const s = snaps.worst.section;
    const d = s.data;
    const flushes = d.flushes ?? 0;
    const dropped = d.dropped ?? 0;
    const overruns = d.overruns ?? 0;
    const ev: Evidence[] = [];
    if (d.syslogLine) ev.push(ctx.evidence(s.source, d.syslogLine));
    if (d.console?.line) ev.push(ctx.evidence(s.source, d.console.line));
    const last = snaps.last;
    if (last.section !== s && last.value.syslogLine) ev.push(ctx.evidence(last.section.source, last.value.syslogLine));
    const counts = [flushes && `${flushes} flushes`, dropped && `${dropped} messages dropped`, overruns && `${overruns} overruns`].filter(Boolean).join(', ');
    const level = d.console?.level;
    const note = snapshotNote(snaps, 'highest', `${last.value.flushes ?? 0} flushes`);
    out.push({
      id: 'console-logging-flushes',
      severity: flushes > 0 && level === 'debugging' ? 'critical' : 'warning',
      title: `Console logging${level ? ` at level ${level}` : ''} with ${counts}${onRouter(ctx)}${note}`,
      evidence: ev,
      remedy: remedy(ctx, level),
    });
  }
  return out;
}

export const consoleLoggingFlushesRule: RuleDef = {
  id: 'console-logging-flushes',
  checks: 'show logging: flushes, dropped messages or overruns while console logging is on (debugging level above all).',
  confirmWith: CONFIRM,
  evaluate(ctx) {
    const found = fromEvidence(ctx);
    if (found.length || !unconfirmed(ctx, CONFIRM.slice(0, 1))) return found;
    if (answered(ctx, 'console-logging', 'flushes')) {
      const cfgOff = configs(ctx).some((c) => !c.data.loggingConsole.enabled && c.data.loggingConsole.line);
      if (cfgOff) return [];
      return [
        answerFinding(ctx, {
          id: 'console-logging-flushes',
          severity: 'warning',
          title: 'Console logging with flushes',
          summary: 'Flushes with console logging on mean the router spends its interrupts printing to a 9600-baud console: no logging console and undebug all are the cure once confirmed.',
          confirmWith: CONFIRM,
        }),
      ];
    }
    return [];
  },
};
