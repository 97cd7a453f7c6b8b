// The byte loop's bounds: it takes rows only from lines that end inside the range it was given.
import { describe, expect, it } from 'vitest';
import { FlowColumns } from './flow-columns';
import { scanRows } from './scan-rows';

const ROW = 'Fa0/0         10.0.0.1        Fa0/1         10.0.0.2        06 1000 0050    12';

function scan(bytes: Uint8Array, end: number): { rows: number[]; text: string[] } {
  const cols = new FlowColumns(16);
  const text: string[] = [];
  scanRows(bytes, 0, end, cols, true, 1, (s, e) => {
    text.push(Buffer.from(bytes.subarray(s, e)).toString('latin1'));
    return undefined;
  });
  return { rows: Array.from(cols.packets.subarray(0, cols.n)), text };
}

describe('scanRows', () => {
  it('reads a last line without a line end the text way, never the stale bytes after the range', () => {
    // A reused read buffer: the range ends mid-number, and older bytes after it would make 12 into 1234.
    const bytes = Buffer.from(`${ROW}\n${ROW}34\n`, 'latin1');
    const end = ROW.length * 2 + 1;
    const r = scan(bytes, end);
    expect(r.rows).toEqual([12]);
    expect(r.text).toEqual([ROW]);
  });

  it('reads every row of a range that ends with a line end', () => {
    const bytes = Buffer.from(`${ROW}\n${ROW}\r\n${ROW}\n`, 'latin1');
    expect(scan(bytes, bytes.length)).toEqual({ rows: [12, 12, 12], text: [] });
  });
});
