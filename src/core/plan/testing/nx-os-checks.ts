// Test support (not product): an NX-OS plan's lines checked against the forms NX-OS takes, and read back into the
// IOS lines the plan interpreter (apply.ts) replays, so the IOS safety checks run on NX-OS plans too.
import { LOG_LEVELS } from '../../parsers/show-running-config/vocabulary';
import { maskOfLength } from '../../text/lines';
import type { ChangePlan, PlanStep } from '../../types';

const ADDRESS = String.raw`\d+\.\d+\.\d+\.\d+`;
const PLACEHOLDER = String.raw`<[^>]*>`;
/** Config lines NX-OS takes, as this tool writes them. */
const NXOS_CONFIG = [
  new RegExp(String.raw`^ip access-list (\S+|${PLACEHOLDER})$`),
  /^no ip access-list \S+$/,
  /^ (\d+ )?(permit|deny) (ip|tcp|udp|icmp|\d+) .+$/,
  /^ (\d+ )?remark .+$/,
  /^ (statistics per-entry|fragments (deny|permit)-all)$/,
  /^ no \d+$/,
  /^interface \S+$/,
  /^ (no )?ip access-group \S+ (in|out)$/,
  new RegExp(String.raw`^ ?(no )?ip route ${ADDRESS}/\d+ (\S+|${PLACEHOLDER})( ${ADDRESS})?( \d+)?$`),
  /^vrf context \S+$/,
  /^(no logging console|logging console [0-7])$/,
];
const NXOS_EXEC = /^(clear ip arp|undebug all|checkpoint code-red-triage|copy running-config startup-config)$/;
/** IOS-only words: a line holding one is not NX-OS's. */
const IOS_ONLY = /(^| )(access-list \d+ |ip access-list (standard|extended) |host \d|log-input|clear arp-cache|reload |ip cef|ip http|ip cache-ager|mls flow|class-map|policy-map|service-policy)/;

/** Lines of an NX-OS plan that are not in a form NX-OS takes, with where they are. */
export function nxosFormProblems(plan: ChangePlan): string[] {
  const out: string[] = [];
  const check = (where: string, mode: PlanStep['mode'], l: string) => {
    const ok = mode === 'config' ? NXOS_CONFIG.some((re) => re.test(l)) : NXOS_EXEC.test(l);
    if (!ok || IOS_ONLY.test(l)) out.push(`${where}: "${l}" is not an NX-OS line`);
  };
  plan.steps.forEach((s, n) => s.commands.forEach((l) => check(`step ${n}`, s.mode, l)));
  plan.rollback.forEach((s, n) => s.commands.forEach((l) => check(`back-out ${n}`, s.mode, l)));
  return out;
}


/** One step's NX-OS lines as the IOS lines meaning the same (addresses in entries stay as NX-OS wrote them). */
export function iosLinesOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  let vrf: string | undefined;
  for (const l of lines) {
    let m: RegExpExecArray | null;
    if ((m = /^vrf context (\S+)$/.exec(l))) {
      vrf = m[1];
      continue;
    }
    const route = /^( ?)(no )?ip route (\S+)\/(\d+) (.+)$/.exec(l);
    if (route) {
      const inVrf = route[1] === ' ' ? vrf : undefined;
      out.push(`${route[2] ?? ''}ip route ${inVrf ? `vrf ${inVrf} ` : ''}${route[3]} ${maskOfLength(Number(route[4]))} ${route[5]}`);
      continue;
    }
    if (!l.startsWith(' ')) vrf = undefined;
    if ((m = /^(no )?ip access-list (\S+|<[^>]*>)$/.exec(l))) out.push(`${m[1] ?? ''}ip access-list extended ${m[2]}`);
    else if ((m = /^logging console ([0-7])$/.exec(l))) out.push(`logging console ${LOG_LEVELS[Number(m[1])]}`);
    else if (l === 'clear ip arp') out.push('clear arp-cache');
    else out.push(l);
  }
  return out;
}

/** The NX-OS plan read back as IOS lines, its safety net dropped (NX-OS's has no IOS meaning). */
export function iosPlanOf(plan: ChangePlan): ChangePlan {
  const net = (s: ChangePlan['steps'][number]) => s.mode === 'exec' && s.commands.every((c) => /^(checkpoint |copy running-config startup-config$)/.test(c));
  const steps = plan.steps.filter((s) => !net(s));
  // (A back-out part names its step by number: numbered again without the net's steps.)
  const renumber = (n: number) => n - plan.steps.slice(0, n - 1).filter(net).length;
  return {
    ...plan,
    steps: steps.map((s) => ({ ...s, commands: iosLinesOf(s.commands) })),
    rollback: plan.rollback.map((r) => ({ ...r, commands: iosLinesOf(r.commands), ...(r.step !== undefined ? { step: renumber(r.step) } : {}) })),
  };
}
