// acl-log-keyword: ACL entries with `log`/`log-input` matching what the worm sends (IP or TCP/80); remedy: a log-free copy.
import type { AclEntry, RunningConfigData } from '../parsers/show-running-config/parser';
import { withoutLogKeywords } from '../plan/block';
import { withIntents } from '../plan/intents';
import type { Finding } from '../types';
import { configs, findInterface } from './parsed-facts';
import { freeAclLike } from './remedies';
import type { RuleContext, RuleDef } from './rule-types';

const EVIDENCE_LINES = 8;
/** Protocols the worm's TCP/80 probes never match. */
const OTHER_PROTOCOLS = new Set(['udp', 'icmp', 'esp', 'ahp', 'gre', 'eigrp', 'ospf', 'pim', 'igmp', 'ipinip', 'nos', 'pcp', 'igrp', 'ipv6']);
const PORT_OPS = new Set(['eq', 'gt', 'lt', 'neq', 'range']);
const WWW_NAMES = new Set(['www', '80', 'http']);

/** The entry as typed inside its ACL: without `access-list N ` in front, nor a sequence number. */
export function entryBody(e: AclEntry): string {
  return e.text
    .trim()
    .replace(/^access-list\s+\S+\s+/i, '')
    .replace(/^\d+\s+(?=(permit|deny|remark)\b)/i, '');
}

function hasLog(e: AclEntry): boolean {
  // ASA's `log disable` is the one `log` that turns logging off.
  return e.log !== undefined || /(^|\s)log(-input)?(?!\s+disable\b)(\s|$)/i.test(entryBody(e).replace(/^remark\b.*/i, ''));
}

/** Could this entry match a TCP/80 probe? IP and standard entries always can; TCP unless its ports exclude 80. */
export function matchesWormTraffic(body: string): boolean {
  const t = body.toLowerCase().split(/\s+/);
  if (t[0] !== 'permit' && t[0] !== 'deny') return false;
  const proto = t[1] ?? '';
  if (OTHER_PROTOCOLS.has(proto) || (/^\d+$/.test(proto) && proto !== '0' && proto !== '6' && !/\./.test(proto))) return false;
  if (proto !== 'tcp' && proto !== '6') return true;
  // TCP: a bare SYN never matches `established`, and 80 must pass every port test on the line.
  if (t.includes('established')) return false;
  for (let i = 2; i < t.length; i++) {
    const op = t[i]!;
    if (!PORT_OPS.has(op)) continue;
    const a = t[i + 1] ?? '';
    const n = (x: string) => (WWW_NAMES.has(x) ? 80 : /^\d+$/.test(x) ? +x : NaN);
    if (op === 'range') {
      const lo = n(a);
      const hi = n(t[i + 2] ?? '');
      if (!(lo <= 80 && 80 <= hi)) return false;
    } else if (op === 'eq') {
      if (n(a) !== 80) return false;
    } else if (op === 'neq' && n(a) === 80) return false;
    else if (op === 'gt' && !(80 > n(a))) return false;
    else if (op === 'lt' && !(80 < n(a))) return false;
  }
  return true;
}

export interface LoggedEntry {
  source: string;
  acl: string;
  entry: AclEntry;
}

/** Entries with log/log-input that worm traffic can hit, across every config pasted. */
export function logEntries(ctx: RuleContext): LoggedEntry[] {
  return configs(ctx).flatMap((c) =>
    c.data.acls.filter((e) => hasLog(e) && matchesWormTraffic(entryBody(e))).map((entry) => ({ source: c.source, acl: entry.acl, entry })),
  );
}

function isStandard(id: string, entries: AclEntry[]): boolean {
  if (/^\d+$/.test(id)) return +id < 100 || (+id >= 1300 && +id <= 1999);
  return entries.every((e) => {
    const t = entryBody(e).toLowerCase().split(/\s+/);
    return t[0] === 'remark' || t[1] === 'any' || t[1] === 'host' || /^\d+\.\d+\.\d+\.\d+$/.test(t[1] ?? '');
  });
}

function finding(ctx: RuleContext, source: string, cfg: RunningConfigData, acl: string, logged: AclEntry[]): Finding {
  const all = cfg.acls.filter((e) => e.acl === acl);
  const fresh = freeAclLike(acl, cfg.aclIds);
  const numbered = /^\d+$/.test(fresh);
  const bodies = all.map((e) => withoutLogKeywords(entryBody(e)));
  const aclLines = numbered
    ? bodies.map((b) => `access-list ${fresh} ${b}`)
    : [`ip access-list ${isStandard(acl, all) ? 'standard' : 'extended'} ${fresh}`, ...bodies.map((b) => ` ${b}`)];
  const uses = cfg.interfaces.flatMap((i) => i.accessGroups.filter((g) => g.acl === acl).map((g) => ({ i, g })));
  const swap = uses.flatMap(({ i, g }) => [`interface ${findInterface(cfg, i.name)?.name ?? i.name}`, ` ip access-group ${fresh} ${g.direction}`]);
  const where = uses.map(({ i, g }) => `${i.name} ${g.direction}`);
  const common = cfg.interfaces.flatMap((i) => i.accessGroups.filter((g) => g.common === acl).map((g) => `${i.name} ${g.direction}`));
  return withIntents({
    id: 'acl-log-keyword',
    severity: uses.length ? 'warning' : 'info',
    title: `ACL ${acl} logs traffic the worm sends: ${logged.length} entr${logged.length === 1 ? 'y' : 'ies'} with log${where.length ? ` (applied on ${where.join(', ')})` : ''}`,
    evidence: logged.slice(0, EVIDENCE_LINES).map((e) => ctx.evidence(source, e.line)),
    remedy: {
      summary:
        'Every match of a log entry is a log message; under a scan that is a flood to the console and syslog, and the packets are process-switched. ' +
        `Build a copy of ${acl} without the log keywords (the change plan picks a number or name nothing else uses), and swap it in${uses.length ? '' : ' wherever ACL ' + acl + ' is used'}.`,
      commands: [...aclLines, ...swap],
      caveats: [
        `Swapping the access-group replaces ${acl} in one step; editing ${acl} in place would leave the interface briefly unfiltered or reorder its entries.`,
        // A list NAT, a vty line, a route-map or a common binding also uses must stay: removing it changes those too.
        keepOrRemove(cfg, acl, all),
        ...(uses.length
          ? []
          : common.length
            ? [`${acl} is bound as a common list (ip access-group common) on ${common.join(', ')}: the change plan does not swap common lists; take the log keywords out by hand.`]
            : [`${acl} is not applied with ip access-group on any interface in this config: check where it is used (access-class, class-map, route-map) before swapping.`]),
      ],
    },
  }, [
    { kind: 'strip-log', acl, why: `Stop ACL ${acl} logging every packet the worm sends.` },
    { kind: 'verify', commands: ['show logging | include flushes'] },
  ]);
}

/** After the swap: remove the old list, unless something else (NAT, a vty line, a route-map, a common binding) still uses it. */
function keepOrRemove(cfg: RunningConfigData, acl: string, all: AclEntry[]): string {
  const common = cfg.interfaces.some((i) => i.accessGroups.some((g) => g.common === acl));
  const other = cfg.aclUses?.[acl] ?? (common ? 'ip access-group common' : undefined);
  if (other) return `Keep ACL ${acl} after the swap: "${other}" uses it too, and removing the list would change that (a NAT rule whose list is gone matches nothing). Put the log keywords back (on a copy) after the attack if you need them.`;
  return `Once the copy is in place and traffic flows, remove the old list with ${/^\d+$/.test(acl) ? `no access-list ${acl}` : `no ip access-list ${isStandard(acl, all) ? 'standard' : 'extended'} ${acl}`}; put the log keywords back (on a copy) after the attack if you need them.`;
}

export const aclLogKeywordRule: RuleDef = {
  id: 'acl-log-keyword',
  checks: 'Running-config ACL entries with log or log-input that IP or TCP/80 traffic can match.',
  confirmWith: ['show running-config | include access-list|log', 'show logging'],
  evaluate(ctx) {
    const out: Finding[] = [];
    for (const c of configs(ctx)) {
      const logged = logEntries({ ...ctx, sections: [c] });
      const byAcl = new Map<string, AclEntry[]>();
      for (const l of logged) {
        let entries = byAcl.get(l.acl);
        if (!entries) byAcl.set(l.acl, (entries = []));
        entries.push(l.entry);
      }
      for (const [acl, entries] of byAcl) out.push(finding(ctx, c.source, c.data, acl, entries));
    }
    return out;
  },
};
