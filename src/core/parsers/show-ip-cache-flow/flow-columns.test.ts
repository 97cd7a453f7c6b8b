import { describe, expect, it } from 'vitest';
import { FlowColumns } from './flow-columns';

const enc = new TextEncoder();
/** The hash scan-rows.ts computes while it reads an interface name. */
const hashOf = (name: string) => [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);

describe('FlowColumns.ifIndex', () => {
  it('gives each interface name one index, whatever order rows switch between them', () => {
    const names = ['Vl1', 'Po12', 'Fa0/1', 'Gi0/0/1', 'Te1/0/24', 'Se0/0/0:1', 'Gi0/0.1024', 'Tu100'];
    const c = new FlowColumns();
    const line = enc.encode(names.join(' '));
    const at: [number, number][] = [];
    let s = 0;
    for (const n of names) {
      at.push([s, s + n.length]);
      s += n.length + 1;
    }
    for (let k = 0; k < 200; k++) {
      const j = (k * 7 + (k >> 3)) % names.length;
      const [a, b] = at[j]!;
      expect(c.ifNames[c.ifIndex(line, a, b, hashOf(names[j]!))]).toBe(names[j]);
    }
    expect(c.ifNames.slice(1).sort()).toEqual([...names].sort());
  });

  it('tells apart names that share a cache slot, and names whose whole hash collides', () => {
    // Two names in the same slot (hash & 255), found by search so the test does not depend on the hash's details.
    const base = 'Gi0/1';
    let other = '';
    for (let k = 0; !other; k++) if (`Vl${k}` !== base && ((hashOf(`Vl${k}`) ^ hashOf(base)) & 255) === 0) other = `Vl${k}`;
    const c = new FlowColumns();
    const buf = enc.encode(`${base} ${other}`);
    const i = c.ifIndex(buf, 0, base.length, hashOf(base));
    const j = c.ifIndex(buf, base.length + 1, buf.length, hashOf(other));
    expect(i).not.toBe(j);
    expect(c.ifIndex(buf, 0, base.length, hashOf(base))).toBe(i);
    expect(c.ifIndex(buf, base.length + 1, buf.length, hashOf(other))).toBe(j);
    // A lying hash (the same for both) still gives each name its own index.
    const d = new FlowColumns();
    const x = d.ifIndex(buf, 0, base.length, 7);
    const y = d.ifIndex(buf, base.length + 1, buf.length, 7);
    expect([d.ifNames[x], d.ifNames[y]]).toEqual([base, other]);
    expect(d.ifIndex(buf, 0, base.length, 7)).toBe(x);
  });

  it('keeps its own copy of a name: a refilled read buffer (a Node Buffer slices as a view) cannot fake a hit', () => {
    // Node's Buffer#slice returns a view, not a copy; the CLI refills one buffer chunk after chunk.
    class ViewSlice extends Uint8Array {
      override slice(s?: number, e?: number): Uint8Array<ArrayBuffer> {
        return this.subarray(s, e);
      }
    }
    // Two names that share a cache slot (same hash & 255) and a length.
    const pool: string[] = [];
    for (let a = 0; a < 10; a++) for (let b = 0; b < 100; b++) pool.push(`Gi${a}/${b}`);
    let x = '';
    let y = '';
    for (const p of pool) {
      const q = pool.find((o) => o !== p && o.length === p.length && (hashOf(o) & 255) === (hashOf(p) & 255));
      if (q) [x, y] = [p, q];
      if (x) break;
    }
    expect(x).not.toBe('');
    const c = new FlowColumns();
    const buf = new ViewSlice(32);
    buf.set(enc.encode(x));
    const ix = c.ifIndex(buf, 0, x.length, hashOf(x));
    // The next chunk puts y where x was.
    buf.fill(32);
    buf.set(enc.encode(y));
    const iy = c.ifIndex(buf, 0, y.length, hashOf(y));
    expect(c.ifNames[ix]).toBe(x);
    expect(c.ifNames[iy]).toBe(y);
  });
});

describe('FlowColumns room', () => {
  it('a fractional room (a size hint divided by a row size) still grows: no row past it is dropped', () => {
    const c = new FlowColumns(27.5);
    for (let i = 0; i < 100; i++) {
      const k = c.reserve();
      c.src[k] = i + 1;
      c.line[k] = i + 1;
      c.n++;
    }
    const { table } = c.finish();
    expect(table.count).toBe(100);
    expect([...table.src]).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});
