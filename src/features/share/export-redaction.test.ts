// The Markdown export goes through redactSecrets (download-report.tsx): secrets quoted as evidence in that format
// are masked, and the rest of the report is left as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../core/diagnose';
import { redactSecrets } from '../../share/redact-secrets';
import { diagnosisToMarkdown } from '../../share/report-markdown';

const flows = readFileSync(new URL('../../share/fixtures/seed_show_ip_cache_flow.txt', import.meta.url), 'utf8');

describe('Markdown export and secrets', () => {
  it('masks secret lines quoted as evidence, keeps everything else', () => {
    const d = diagnose([{ source: 'flows.txt', text: flows }]);
    const f = d.findings[0]!;
    f.evidence.push(
      { source: 'cfg.txt', line: 4, text: 'enable secret 5 $1$xY$exportHASH' },
      { source: 'cfg.txt', line: 9, text: 'snmp-server community exportComm RO' },
      { source: 'cfg.txt', line: 30, text: 'crypto isakmp key exportPsk address 192.0.2.7' },
    );
    const md = diagnosisToMarkdown(d, {}, new Date(0));
    const out = redactSecrets(md);
    for (const s of ['exportHASH', 'exportComm', 'exportPsk']) {
      expect(md).toContain(s); // the test would pass vacuously if the export did not quote them
      expect(out).not.toContain(s);
    }
    expect(out).toContain('cfg.txt:4  enable secret 5 <removed>');
    const untouched = (t: string) => t.split('\n').filter((l) => !l.startsWith('cfg.txt:'));
    expect(untouched(out)).toEqual(untouched(md));
  });
});
