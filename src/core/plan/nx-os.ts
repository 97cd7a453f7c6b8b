// NX-OS's forms of a change plan's lines. The plan is built and proven in IOS terms (apply.ts), then written out for
// a Nexus switch line by line. Only forms NX-OS is known to take are written; a step holding any other line is held
// back whole (its finding says so in words), because a half-pasted step is worse than none.
import { LOG_LEVELS } from '../parsers/show-running-config/vocabulary';
import { isIPv4, lengthOfMask } from '../text/lines';

/** An ACL entry as NX-OS takes it: `host A` becomes `A/32`; `log-input` (IOS only) makes it untranslatable. */
function nxosEntry(body: string): string | null {
  const w = body.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    const lx = x.toLowerCase();
    if (lx === 'log-input' || lx === 'reflect' || lx === 'evaluate' || lx === 'dynamic' || lx === 'time-range') return null;
    if (lx === 'host' && isIPv4(w[i + 1] ?? '')) {
      out.push(`${w[i + 1]}/32`);
      i++;
    } else out.push(x);
  }
  return out.join(' ');
}

/**
 * `[no ]ip route [vrf V] P M [IF] [HOP] [DIST]`: NX-OS's `ip route P/len [IF] [HOP] [PREF]`, inside `vrf context V`
 * for a VRF's route. A route with options (name, tag, track, permanent) has none here: NX-OS orders them otherwise,
 * and a misplaced one would fail the line or change what the route does.
 */
function nxosRoute(line: string): string[] | null {
  const m = /^(no )?ip route (?:vrf (\S+) )?(\S+) (\S+) (.+)$/.exec(line);
  if (!m) return null;
  const [, no = '', vrf, prefix, mask, rest] = m;
  const bits = lengthOfMask(mask!);
  if (!isIPv4(prefix!) || bits < 0) return null;
  const words = rest!.split(' ');
  let k = 0;
  if (words[k] !== undefined && !isIPv4(words[k]!) && /^[A-Za-z\u0001]/.test(words[k]!)) k++;
  if (words[k] !== undefined && (isIPv4(words[k]!) || words[k]!.startsWith('\u0001'))) k++;
  if (k === 0) return null;
  if (words[k] !== undefined && /^\d+$/.test(words[k]!) && Number(words[k]) <= 255) k++;
  if (k !== words.length) return null;
  const route = `${no}ip route ${prefix}/${bits} ${words.join(' ')}`;
  return vrf ? [`vrf context ${vrf}`, ` ${route}`] : [route];
}

/**
 * A config step's lines in NX-OS's syntax, or null when one of them has no form here. Context matters: entries
 * follow their `ip access-list`, interface lines their `interface`.
 */
export function nxosConfigLines(lines: readonly string[]): string[] | null {
  // A placeholder (`<next-hop address on Vlan10: show ip arp Vlan10>`) stands for one word while the line is read.
  const held: string[] = [];
  const words = lines.map((l) => l.replace(/<[^>]*>/g, (p) => `\u0001${held.push(p) - 1}\u0001`));
  const out = nxosLines(words);
  return out && out.map((l) => l.replace(/\u0001(\d+)\u0001/g, (_, k: string) => nxosProse(held[Number(k)]!)));
}

/** IOS show commands named inside prose (a step's why, a placeholder) in NX-OS's words. */
export function nxosProse(text: string): string {
  return text
    .replace(/show ip interface (\S+|on it) \| include access list/g, 'show running-config interface $1')
    .replace(/show ip interface (\S+?)(?=\)| names)/g, 'show running-config interface $1')
    .replace(/show ip arp vrf (\S+) (\S+)/g, 'show ip arp $2 vrf $1')
    .replace(/show cdp neighbors (?!interface )(\S+) detail/g, 'show cdp neighbors interface $1 detail')
    .replace(/show access-lists/g, 'show ip access-lists');
}

function nxosLines(lines: readonly string[]): string[] | null {
  const out: string[] = [];
  let ctx: 'global' | 'acl' | 'interface' = 'global';
  // The VRF whose `vrf context` line the last route went under: the next route of that VRF shares it.
  let vrfOpen: string | undefined;
  for (const raw of lines) {
    const wasVrf = vrfOpen;
    vrfOpen = undefined;
    const indented = raw.startsWith(' ');
    const t = raw.trim();
    if (indented && ctx === 'acl') {
      const no = /^no (\d+)$/.exec(t);
      if (no) {
        out.push(` no ${no[1]}`);
        continue;
      }
      // A list-wide line a copy carries over.
      if (/^(statistics per-entry|fragments (deny|permit)-all)$/.test(t)) {
        out.push(` ${t}`);
        continue;
      }
      const m = /^(?:(\d+) )?((?:permit|deny|remark)\b.*)$/.exec(t);
      if (!m) return null;
      const body = m[2]!.startsWith('remark') ? m[2]! : nxosEntry(m[2]!);
      if (body === null) return null;
      out.push(` ${m[1] ? `${m[1]} ` : ''}${body}`);
      continue;
    }
    if (indented && ctx === 'interface') {
      if (!/^(no )?ip access-group \S+ (in|out)$/.test(t)) return null;
      out.push(` ${t}`);
      continue;
    }
    if (indented) return null;
    let m: RegExpExecArray | null;
    if ((m = /^(no )?ip access-list (?:extended |standard )?(\S+)$/.exec(t))) {
      out.push(`${m[1] ?? ''}ip access-list ${m[2]}`);
      ctx = m[1] ? 'global' : 'acl';
    } else if ((m = /^interface (\S+)$/.exec(t))) {
      out.push(t);
      ctx = 'interface';
    } else if (/^(no )?ip route /.test(t)) {
      const r = nxosRoute(t);
      if (!r) return null;
      if (r.length === 2 && wasVrf === r[0]) out.push(r[1]!);
      else out.push(...r);
      if (r.length === 2) vrfOpen = r[0];
      ctx = 'global';
    } else if (t === 'no logging console') {
      out.push(t);
      ctx = 'global';
    } else if ((m = /^logging console(?: (\S+))?$/.exec(t))) {
      // NX-OS takes the level as a number; the IOS default (no level) is debugging.
      const lv = m[1] === undefined ? 7 : /^[0-7]$/.test(m[1]) ? Number(m[1]) : LOG_LEVELS.indexOf(m[1].toLowerCase());
      if (lv < 0) return null;
      out.push(`logging console ${lv}`);
      ctx = 'global';
    } else return null;
  }
  return out;
}

/** An exec line in NX-OS's words, or null. */
export function nxosExecLine(line: string): string | null {
  const t = line.trim();
  if (t === 'clear arp-cache' || t === 'clear ip arp') return 'clear ip arp';
  if (t === 'undebug all') return t;
  return null;
}

/**
 * A show command in NX-OS's words. Show commands change nothing, so one without a known form is kept as it is
 * (at worst NX-OS answers `% Invalid command`).
 */
export function nxosShow(line: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^show access-lists(?: (\S+))?$/.exec(line))) return `show ip access-lists${m[1] ? ` ${m[1]}` : ''}`;
  // NX-OS's show ip interface has no "access list" line: the interface's own config shows its ip access-group.
  if ((m = /^show ip interface (\S+) \| include access list$/.exec(line))) return `show running-config interface ${m[1]}`;
  if (line === 'show processes cpu sorted') return 'show processes cpu sort';
  if (line === 'show processes memory sorted') return 'show processes memory';
  if ((m = /^show ip route vrf (\S+) (\S+)$/.exec(line))) return `show ip route ${m[2] === '0.0.0.0' ? '0.0.0.0/0' : m[2]} vrf ${m[1]}`;
  if (line === 'show ip route 0.0.0.0') return 'show ip route 0.0.0.0/0';
  if ((m = /^show ip arp vrf (\S+) (\S+)$/.exec(line))) return `show ip arp ${m[2]} vrf ${m[1]}`;
  if ((m = /^show cdp neighbors (\S+) detail$/.exec(line))) return `show cdp neighbors interface ${m[1]} detail`;
  if (line === 'show version | include Version') return 'show version | include version';
  // NX-OS's NetFlow cache (ports in decimal): the whole table, as the tool reads it.
  if (/^show ip cache flow( \| include \S+)?$/.test(line)) return 'show flow cache';
  return line;
}
