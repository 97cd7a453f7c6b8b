// Issue 12: a crafted link that passes validation must not put HTML, links or images into the downloaded .md:
// every field of the Markdown export is escaped or fenced.
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../core/types';
import { decodePayload, encodePayload } from './codec';
import type { DiagnosisPayload } from './payload-schema';
import { diagnosisToMarkdown, reportMarkdown } from './report-markdown';

const HOSTILE = '<img src=x onerror=alert(1)>[x](https://evil.example/a) ![i](http://evil.example/i.png) www.evil.example a@evil.example &lt;b&gt; *b* _i_ | cell `code` $x$';

/** The lines a viewer parses as Markdown: everything outside fenced code blocks (CommonMark backtick fences). */
function outsideFences(md: string): string[] {
  const out: string[] = [];
  let open = 0;
  for (const line of md.split('\n')) {
    const ticks = /^`{3,}/.exec(line)?.[0].length ?? 0;
    if (open === 0 && ticks > 0) open = ticks;
    else if (open > 0 && ticks >= open && line.trim() === '`'.repeat(ticks)) open = 0;
    else if (open === 0) out.push(line);
  }
  expect(open).toBe(0); // every fence closes: nothing after it was swallowed
  return out;
}

describe('every field is escaped', () => {
  const hostile: Diagnosis = {
    version: 1,
    inputs: [{ source: HOSTILE, kind: 'unknown', records: 0, warnings: [{ line: 1, message: HOSTILE }], firstLine: 1, lastLine: 2 }],
    hosts: [{ ip: HOSTILE, interface: HOSTILE, flows: 1, destinations: 1, port80Flows: 1, packetsPerFlow: 1, verdict: 'infected', variant: 'code-red', failedFlows: 0, reasons: [HOSTILE], inbound: false }],
    findings: [{
      id: 'scanning-host', severity: 'critical', title: HOSTILE,
      evidence: [{ source: HOSTILE, line: 1, text: `${HOSTILE}\n\`\`\`\n${HOSTILE}` }],
      remedy: { summary: HOSTILE, commands: [HOSTILE, '````', HOSTILE], caveats: [HOSTILE], alternatives: [{ summary: HOSTILE, commands: [HOSTILE] }] },
    }],
  };
  const md = diagnosisToMarkdown(hostile, {}, new Date(0));
  const parsed = outsideFences(md).join('\n');

  it('writes no raw HTML, link, image, autolink, entity or emphasis outside code fences', () => {
    expect(md).toContain('onerror'); // the hostile text is there, as inert text
    for (const re of [/(?<!\\)</, /(?<!\\)\]\(/, /(?<!\\)!\[/, /https?:\/\//, /www\./, /(?<!\\)@/, /(?<!\\)&/, /(?<!\\)\*b/, /(?<!\\)`code/, /(?<!\\)\$x/]) {
      expect(parsed, String(re)).not.toMatch(re);
    }
  });
  it('keeps a table row one row and a list item one line (no line breaks or unescaped pipes from a field)', () => {
    const row = parsed.split('\n').filter((l) => l.startsWith('| ') && l.includes('onerror'));
    expect(row).toHaveLength(1);
    expect(row[0]!.split(/(?<!\\)\|/)).toHaveLength(11); // 9 cells between 10 pipes (and the empty ends)
  });
  it('fences pasted text with a fence longer than any backtick run in it', () => {
    expect(md).toMatch(/^````\n/m);
    expect(md).toContain('`````\n'); // the remedy quotes a line of four backticks: five around it
  });
});

describe('a crafted link that passes validation', () => {
  it('opens, and its Markdown export holds the hostile text only as escaped text', () => {
    const crafted: Diagnosis = {
      version: 1,
      inputs: [{ source: HOSTILE, kind: 'show ip cache flow', records: 1, warnings: [{ line: 2, message: HOSTILE }], firstLine: 1, lastLine: 3 }],
      hosts: [{ ip: '10.0.0.9', interface: '<img src=x>[x](https://evil.example/)', flows: 1, destinations: 1, port80Flows: 1, packetsPerFlow: 1, verdict: 'infected', variant: 'code-red', failedFlows: 0, reasons: [HOSTILE], inbound: false }],
      findings: [{ id: 'scanning-host', severity: 'critical', title: HOSTILE, evidence: [{ source: HOSTILE, line: 2, text: HOSTILE }], remedy: { summary: HOSTILE, commands: [HOSTILE], caveats: [HOSTILE] } }],
    };
    const link = encodePayload({ v: 1, mode: 'diagnosis', answers: {}, anonymised: false, redacted: 0, diagnosis: crafted as DiagnosisPayload['diagnosis'], omitted: [HOSTILE] });
    const r = decodePayload(link);
    if (!r.ok) throw new Error(r.message);
    if (r.payload.mode !== 'diagnosis') throw new Error('expected a diagnosis');
    const md = reportMarkdown(r.payload.diagnosis, r.payload.answers, new Date(0));
    expect(md).toContain('onerror');
    const parsed = outsideFences(md).join('\n');
    for (const re of [/(?<!\\)</, /(?<!\\)\]\(/, /(?<!\\)!\[/, /https?:\/\//, /www\./]) expect(parsed, String(re)).not.toMatch(re);
  });
});
