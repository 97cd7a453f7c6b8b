// The share payload (current version) and its valibot schema: every decoded link is checked against it.
//
// Everything in a link is untrusted: lengths and counts are bounded, enums are closed lists, unknown keys are
// dropped (v.object strips them), and strings are only ever rendered as text by the UI.
import * as v from 'valibot';
import type { ChartSeries as CoreChartSeries } from '../core/analysis/chart-series';
import { FINDING_IDS, KINDS, type Answers, type ChangePlan, type Diagnosis, type Kind, type Paste, type Worm } from '../core/types';

export const PAYLOAD_VERSION = 1 as const;


const WORMS = [
  'code-red', 'code-red-ii', 'nimda', 'slammer', 'blaster', 'nachi', 'sasser', 'conficker-or-wannacry', 'mirai', 'unknown',
] as const satisfies readonly Worm[];

// Both lists must name every value of their type: a kind or worm the core emits but the schema refuses would
// make every link that carries it unreadable.
type Missing<T, L extends readonly unknown[]> = Exclude<T, L[number]>;
const _allKinds: Missing<Kind, typeof KINDS> extends never ? true : never = true;
const _allWorms: Missing<Worm, typeof WORMS> extends never ? true : never = true;
void _allKinds; void _allWorms;

// Bounds: generous for real use, small enough that a hostile link cannot make the page do unbounded work.
const MAX_TEXT = 4_000_000;
const MAX_LINE = 4_000;
const short = v.pipe(v.string(), v.maxLength(MAX_LINE));
const count = v.pipe(v.number(), v.finite(), v.minValue(0));
const lineNo = v.pipe(v.number(), v.integer(), v.minValue(0));

const verdict = v.picklist(['infected', 'suspect', 'clean']);
/** An address as the core prints one (IPv4, or IPv6 from modern flow exports); never markup or a link. */
const ipAddress = v.pipe(v.string(), v.maxLength(45), v.ip());
/** `tcp/80`, `udp/1434`, `icmp`: lower-case letters, digits, `/` and `-` only. */
const service = v.pipe(v.string(), v.maxLength(32), v.regex(/^[a-z0-9][a-z0-9/-]*$/));
/** Most hosts a link carries: a link over budget keeps at most 50 infected ones; input mode carries pastes. */
export const MAX_SHARED_HOSTS = 2_000;

const WarningSchema = v.object({ line: lineNo, message: short });
const EvidenceSchema = v.object({ source: short, line: lineNo, text: short });
const RemedySchema = v.object({
  summary: short,
  commands: v.pipe(v.array(short), v.maxLength(500)),
  caveats: v.pipe(v.array(short), v.maxLength(100)),
  alternatives: v.optional(
    v.pipe(v.array(v.object({ summary: short, commands: v.pipe(v.array(short), v.maxLength(500)), gate: v.optional(v.pipe(v.array(short), v.maxLength(8))) })), v.maxLength(20)),
  ),
  // Its plan steps' checks, each once (PlanStep.gate: at most 8 a step).
  gate: v.optional(v.pipe(v.array(short), v.maxLength(100))),
});

const FindingSchema = v.object({
  id: v.picklist(FINDING_IDS),
  severity: v.picklist(['critical', 'warning', 'info']),
  title: short,
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(1000)),
  remedy: RemedySchema,
});

const HostSchema = v.object({
  ip: ipAddress,
  interface: v.pipe(v.string(), v.maxLength(128)),
  flows: count,
  destinations: count,
  port80Flows: count,
  packetsPerFlow: count,
  verdict,
  variant: v.picklist(['code-red', 'code-red-ii', 'unknown']),
  failedFlows: count,
  reasons: v.pipe(v.array(short), v.maxLength(20)),
  inbound: v.boolean(),
  sharedTargetsWith: v.optional(v.pipe(v.array(ipAddress), v.maxLength(100))),
  service: v.optional(service),
  worm: v.optional(v.picklist(WORMS)),
});

const planMode = v.picklist(['config', 'exec']);
const commandList = v.pipe(v.array(short), v.maxLength(500));
const PlanSchema = v.object({
  router: v.pipe(v.string(), v.maxLength(200)),
  precheck: v.pipe(v.array(short), v.maxLength(100)),
  steps: v.pipe(
    v.array(v.object({ mode: planMode, findings: v.pipe(v.array(v.picklist(FINDING_IDS)), v.maxLength(FINDING_IDS.length)), why: short, commands: commandList, gate: v.optional(v.pipe(v.array(short), v.maxLength(8))) })),
    v.maxLength(100),
  ),
  verify: v.pipe(v.array(short), v.maxLength(100)),
  rollback: v.pipe(v.array(v.object({ mode: planMode, commands: commandList, step: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))) })), v.maxLength(100)),
  safetyNet: v.optional(v.boolean()),
  // An NX-OS plan stays one through a link: without it the page would offer IOS's reload safety net for a Nexus.
  platform: v.optional(v.picklist(['nx-os'])),
});

const InputSchema = v.object({
  source: short,
  kind: v.picklist(KINDS),
  records: count,
  warnings: v.pipe(v.array(WarningSchema), v.maxLength(1000)),
  command: v.optional(short),
  firstLine: lineNo,
  lastLine: lineNo,
});

const share01 = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));

/** The core's chart series (src/core/analysis/chart-series.ts): aggregated rows, bounded here as there. */
export const ChartSeriesSchema = v.object({
  topSources: v.pipe(
    v.array(v.object({ ip: ipAddress, destinations: count, flows: count, failedFlows: count, verdict, inbound: v.boolean() })),
    v.maxLength(100),
  ),
  fanOutDistribution: v.pipe(
    v.array(v.object({ bucket: v.pipe(v.string(), v.maxLength(32)), min: count, max: count, sources: count, flagged: count })),
    v.maxLength(64),
  ),
  localityMix: v.pipe(
    v.array(
      v.object({
        category: v.picklist(['same /16', 'same /8', 'elsewhere', 'never for Code Red II']),
        observed: share01,
        targets: count,
        codeRedII: share01,
        codeRed: share01,
      }),
    ),
    v.maxLength(8),
  ),
  flowsPerInterface: v.pipe(
    v.array(v.object({ interface: v.pipe(v.string(), v.maxLength(128)), flows: count, sources: count, flaggedSources: count })),
    v.maxLength(64),
  ),
  servicesSwept: v.optional(
    v.pipe(v.array(v.object({ service: v.pipe(v.string(), v.maxLength(32)), sources: count, flagged: count, failedFlows: count })), v.maxLength(64)),
  ),
});
export type ChartSeries = v.InferOutput<typeof ChartSeriesSchema>;

const DiagnosisSchema = v.object({
  version: v.literal(1),
  inputs: v.pipe(v.array(InputSchema), v.maxLength(500)),
  hosts: v.pipe(v.array(HostSchema), v.maxLength(MAX_SHARED_HOSTS)),
  findings: v.pipe(v.array(FindingSchema), v.maxLength(200)),
  charts: v.optional(ChartSeriesSchema),
  plans: v.optional(v.pipe(v.array(PlanSchema), v.maxLength(32))),
});

const PasteSchema = v.object({
  source: v.pipe(v.string(), v.maxLength(200)),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
});

const Common = {
  v: v.literal(PAYLOAD_VERSION),
  answers: v.pipe(v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(64))), v.check((r) => Object.keys(r).length <= 64, 'too many answers')),
  /** Addresses were anonymised (prefix-preserving) before the link was made. */
  anonymised: v.boolean(),
  /** How many secret lines were masked before the link was made. */
  redacted: v.pipe(v.number(), v.integer(), v.minValue(0)),
};

/** A host the sender's page judged from the real addresses, where the anonymised pastes alone would say otherwise. */
const SenderFactSchema = v.object({
  ip: ipAddress,
  verdict,
  variant: v.picklist(['code-red', 'code-red-ii', 'unknown']),
  service: v.optional(service),
  worm: v.optional(v.picklist(WORMS)),
});

export const PayloadSchema = v.variant('mode', [
  v.object({
    mode: v.literal('input'),
    ...Common,
    pastes: v.pipe(v.array(PasteSchema), v.minLength(1), v.maxLength(32)),
    /** Anonymised links only: the sender's verdicts the receiver applies over its own (share/receive.ts). */
    facts: v.optional(v.pipe(v.array(SenderFactSchema), v.maxLength(MAX_SHARED_HOSTS))),
  }),
  v.object({
    mode: v.literal('diagnosis'),
    ...Common,
    diagnosis: DiagnosisSchema,
    /** What was left out to keep the link short, in plain words ("raw pastes", "12 clean hosts"). */
    omitted: v.pipe(v.array(short), v.maxLength(20)),
  }),
]);

export type SharePayload = v.InferOutput<typeof PayloadSchema>;
export type InputPayload = Extract<SharePayload, { mode: 'input' }>;
export type DiagnosisPayload = Extract<SharePayload, { mode: 'diagnosis' }>;
export type SharedDiagnosis = Diagnosis;

// Compile-time proof that what the schema lets through is a contract Diagnosis, Paste and Answers.
const _diagnosisFits = (d: DiagnosisPayload['diagnosis']): Diagnosis => d;
const _pasteFits = (p: InputPayload['pastes'][number]): Paste => p;
const _answersFits = (a: SharePayload['answers']): Answers => a;
const _plansFit = (p: v.InferOutput<typeof PlanSchema>): ChangePlan => p;
const _chartsFit = (c: CoreChartSeries): ChartSeries => c; // and the core's charts always pass the schema's shape
void _diagnosisFits; void _pasteFits; void _answersFits; void _chartsFit; void _plansFit;

/** Valibot issues as one short sentence for the UI ("diagnosis.hosts.3.verdict: Invalid type"). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues.slice(0, 3).map((i) => {
    const path = i.path?.map((p) => String(p.key)).join('.') ?? '';
    return path ? `${path}: ${i.message}` : i.message;
  });
  return first.join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more)` : '');
}
