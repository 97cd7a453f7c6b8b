// From a diagnosis's parsed sections and findings to one change plan per router; each finding's remedy becomes its part.
import { configRead } from '../rules/parsed-facts';
import { sectionsOf, type ParsedSection } from '../sections';
import type { ChangePlan, Finding, PlanStep } from '../types';
import { buildPlan } from './build-plan';
import { buildModel } from './config-model';
import { PLANLESS, PLANLESS_OPENING } from './planless';

export interface PlansOptions {
  safetyNet?: boolean;
  /** The questionnaire's answer for the device: 'nexus' makes a plan NX-OS's when nothing pasted tells otherwise. */
  platformAnswer?: string;
}

/** The pastes a finding's evidence cites: the config among them names the router it belongs to. */
function sources(f: Finding): Set<string> {
  return new Set(f.evidence.map((e) => e.source));
}

/**
 * The checks of the plan steps that make up a finding's part (`part`: their commands, in order), each once: what the
 * finding's commands wait on, as the plan's steps say. The steps naming the finding are matched in order, so two
 * findings of one id (a scanning host on each of two interfaces) each get their own steps' checks. Should the part not
 * add up to whole steps, every step naming the finding that shares a line with it gives its checks (one too many
 * beats one missing).
 */
export function partGate(steps: readonly PlanStep[], f: Finding, part: readonly string[]): string[] {
  const gate: string[] = [];
  const add = (s: PlanStep) => {
    for (const g of s.gate ?? []) if (!gate.includes(g)) gate.push(g);
  };
  const mine = steps.filter((s) => s.findings.includes(f.id) && s.commands.length > 0);
  let at = 0;
  for (const s of mine) {
    if (at < part.length && s.commands.every((c, k) => part[at + k] === c)) {
      at += s.commands.length;
      add(s);
    }
  }
  if (at === part.length) return gate;
  gate.length = 0;
  for (const s of mine) if (s.commands.some((c) => part.includes(c))) add(s);
  return gate;
}

/**
 * One plan per running-config pasted (by hostname), or one for the whole paste when none was. A finding goes to
 * the plan whose config its evidence cites, else to the first. Mutates each finding's `remedy.commands` (and
 * rebuilt alternatives) so the finding card shows exactly its part of the plan.
 */
export function plansFor(sections: readonly ParsedSection[], findings: readonly Finding[], opts: PlansOptions = {}): ChangePlan[] {
  if (findings.length === 0) return [];
  const configs = sectionsOf(sections, 'show running-config').filter((s) => configRead(s.data));
  const version = sectionsOf(sections, 'show version').find((s) => s.data.version)?.data;
  const fallbackName = version?.hostname ?? sections[0]?.source ?? 'router';
  const targets = configs.length ? configs : [undefined];
  const assigned = new Map<number, Finding[]>();
  for (const f of findings) {
    const src = sources(f);
    const at = Math.max(0, targets.findIndex((c) => c !== undefined && src.has(c.source)));
    let mine = assigned.get(at);
    if (!mine) assigned.set(at, (mine = []));
    mine.push(f);
  }
  const out: ChangePlan[] = [];
  targets.forEach((c, i) => {
    const mine = assigned.get(i);
    if (!mine) return;
    // show version's IOS version is the router's only if the hostnames agree (or either is unknown).
    const sameRouter = !c?.data.hostname || !version?.hostname || c.data.hostname === version.hostname;
    const told = c?.data.platform ?? (sameRouter && version?.generation === 'nx-os' ? 'nx-os' : undefined);
    // show version naming another system outranks the answer; a config snippet with no NX-OS mark does not.
    const otherOs = sameRouter && version !== undefined && version.generation !== 'nx-os' && version.generation !== 'unknown';
    const nxos = told ?? (opts.platformAnswer === 'nexus' && !otherOs ? 'nx-os' : undefined);
    const model = buildModel(c?.data, sameRouter ? version?.version : undefined, nxos);
    const router = c?.data.hostname ?? (c ? c.source : fallbackName);
    let built;
    try {
      built = buildPlan(model, mine, { router, ...(opts.safetyNet ? { safetyNet: true } : {}) });
    } catch (e) {
      // A bug here must not leave the rules' unmerged remedies on screen as if they were safe: offer no commands.
      for (const f of mine) {
        if (f.remedy.commands.every((c) => /^\s*show\b/i.test(c))) continue;
        f.remedy.commands = [];
        delete f.remedy.alternatives;
        delete f.remedy.gate;
        f.remedy.caveats = [`The change plan could not be built (${(e as Error).message}), so no commands are offered: please report this paste.`, ...f.remedy.caveats];
      }
      return;
    }
    // An ASA or IOS XR: read, but no commands written for it.
    const planless = model.platform === 'asa' || model.platform === 'ios-xr' ? PLANLESS[model.platform] : undefined;
    for (const f of mine) {
      // A finding whose commands are only show commands (collect evidence) keeps them: they are pre-checks.
      const part = built.parts.get(f) ?? [];
      if (part.length > 0 || !f.remedy.commands.every((c) => /^\s*show\b/i.test(c))) f.remedy.commands = part;
      // Its lines pasted from the report wait on the same checks as the plan's steps they come from.
      const gate = part.length > 0 ? partGate(built.plan.steps, f, part) : [];
      if (gate.length > 0) f.remedy.gate = gate;
      else delete f.remedy.gate;
      const alts = built.alternatives.get(f);
      if (alts && f.remedy.alternatives) {
        f.remedy.alternatives = f.remedy.alternatives.map((a, k) => {
          const built = alts[k];
          if (!built || built.summary !== a.summary) return a;
          const { gate: _, ...rest } = a;
          return { ...rest, commands: built.commands, ...(built.gate ? { gate: built.gate } : {}) };
        });
      }
      // Steps held back for what the paste could not show: the finding says so, and an alternative built on such a
      // list is not offered.
      const held = built.held.get(f);
      if (held) {
        f.remedy.caveats = [...held, ...f.remedy.caveats];
        if (f.remedy.alternatives && model.platform === undefined) {
          f.remedy.alternatives = f.remedy.alternatives.filter((_a, k) => !alts?.[k] || alts[k]!.commands.length > 0);
          if (f.remedy.alternatives.length === 0) delete f.remedy.alternatives;
        }
      }
      if (planless) {
        if (built.withheld.has(f)) {
          // Caveats about how the plan does it, or in IOS commands, do not apply where there is no plan.
          f.remedy.caveats = [
            `${PLANLESS_OPENING}${planless.what}: this tool writes change plans for IOS routers and NX-OS switches only, so it offers no commands here rather than IOS commands ${planless.device} would refuse or misread. Make the change above in its own terms (${planless.how}).`,
            ...f.remedy.caveats.filter((c) => !/\bchange plan\b|\bip access-(list|group)\b|\bip route\b/.test(c)),
          ];
        }
        delete f.remedy.alternatives;
      }
      if (model.platform === 'nx-os') {
        // An alternative with no NX-OS form here came back empty; so did every one the plan could not rebuild.
        if (f.remedy.alternatives) {
          f.remedy.alternatives = f.remedy.alternatives.filter((a, k) => (alts?.[k]?.commands.length ?? 0) > 0);
          if (f.remedy.alternatives.length === 0) delete f.remedy.alternatives;
        }
        const held = built.withheld.get(f);
        if (held) {
          f.remedy.caveats = [
            `This is an NX-OS configuration, and this tool has no NX-OS form for part of the fix, so it is left out of the plan rather than given in IOS syntax: ${held.map((l) => l.trim()).join('; ')}. Make that change by hand in NX-OS's terms, or not at all.`,
            ...f.remedy.caveats,
          ];
        }
      }
    }
    // An ASA or IOS XR gets no plan: its pre-checks and checks would be IOS show commands it does not have.
    if (!planless && (built.plan.steps.length > 0 || built.plan.precheck.length > 0)) out.push(built.plan);
  });
  return out;
}
