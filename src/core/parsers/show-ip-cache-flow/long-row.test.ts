// A row longer than the parser's byte buffer (256 bytes) is read the first time one is met. The buffer was read before
// it grew (the call's arguments took the old buffer, then lineBytes made a new one and wrote there): the first such row
// of a run was "not understood", the next ones read. Its own file: the buffer is fresh only in a fresh module.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../diagnose';

const HEADER = 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts';
const ROW = 'Vl1           20.1.1.5        Vl3           9.54.33.121     06 1000 0050     1';

describe('a row longer than the byte buffer', () => {
  it('is read as a row the first time, as later', () => {
    // A row behind a rubbed-out mark's blanks (the screen shows it indented by 248 columns): 294 characters.
    const long = `${' '.repeat(50)}\b${' '.repeat(199)}${ROW}`;
    const text = ['Router#show ip cache flow', HEADER, long, ''].join('\n');
    const first = diagnose([{ source: 'p', text }]);
    expect(first.inputs[0]).toMatchObject({ records: 1, warnings: [] });
    expect(diagnose([{ source: 'p', text }])).toEqual(first);
  });
});
