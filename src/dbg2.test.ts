import { it } from 'vitest';
import { diagnose } from './core/diagnose';
import { prescanBytes } from './core/big-paste/prescan';
import { registerPrescan } from './core/parsers/show-ip-cache-flow/prescanned';
const HEADER = 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts';
const rows: [string, string][] = JSON.parse(require('fs').readFileSync('/tmp/cx.json', 'utf8'))[0];
it('dbg', () => {
  const glue = (l: string) => (/[^ \b]$/.test(l) ? `${l} ` : l);
  for (let k = 0; k < rows.length; k++) {
    const text = ['Router#show ip cache flow', HEADER, glue(rows[k]![0]) + rows[k]![1], ''].join('\n');
    const paste = { source: 'p', text: '' };
    registerPrescan(paste, prescanBytes(new TextEncoder().encode(text)));
    const a = JSON.stringify(diagnose([paste])); const b = JSON.stringify(diagnose([{ source: 'p', text }]));
    if (a !== b) { console.log('DIFF row', k, JSON.stringify(rows[k])); console.log(a.slice(0, 400)); console.log(b.slice(0, 400)); }
  }
});
