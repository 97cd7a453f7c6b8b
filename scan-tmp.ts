import { PARSERS, commandIndex } from './src/core/parsers/registry';
import { normaliseLines } from './src/core/text/normalise';
import { splitSections } from './src/core/text/split';
import { diagnose } from './src/core/diagnose';
const units: Record<string,string> = { spaces: ' ', tabs: '\t', digits: '7', dots: '.', quad: '1.1.1.1 ', sptab: ' \t', digsp: '1 ', dotsp: '. ', digdot: '1.', colon: ':', dash:'-', sd: ' .', x: 'x ', comma: ', ', slash: '/', paren: '(', hex: 'a', nbsp: '\u00a0' };
const N = [4000, 16000];
const prefixes = ['', 'x', 'Router#', '  '];
for (const [u, unit] of Object.entries(units)) for (const pre of prefixes) {
  const times: Record<string, number[]> = {};
  for (const n of N) {
    const text = pre + unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + 'Z';
    const lines = normaliseLines(text);
    const t = (name: string, f: () => void) => { const t0 = performance.now(); f(); (times[name] ??= []).push(performance.now() - t0); };
    t('normalise', () => normaliseLines(text));
    t('split', () => splitSections(lines, (b) => commandIndex.match(b) !== null));
    t('cmdindex', () => commandIndex.match(text));
    for (const p of PARSERS) t(p.kind, () => { const s = { lines, from: 0, to: lines.length }; p.sniff(s); p.parse(s); });
    t('diagnose', () => diagnose([{ source: 'p', text }]));
  }
  for (const [k, v] of Object.entries(times)) if (v[1]! > 20 && v[1]! / Math.max(v[0]!, 0.5) > 8) console.log(`${u} pre=${JSON.stringify(pre)} ${k}: ${v.map((x) => x.toFixed(1)).join(' -> ')}`);
}
console.log('done');
