// Open-addressing hash tables on typed arrays: address -> index and address pair -> index, no per-entry objects.

function hash32(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Unsigned 32-bit key -> dense index (0, 1, 2... in insertion order). */
export class U32Index {
  size = 0;
  private mask: number;
  private keys: Uint32Array;
  /** index + 1; 0 marks an empty slot. */
  private slots: Int32Array;
  /** Keys by index, so callers can walk them in insertion order. */
  keyAt: Uint32Array;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Uint32Array(cap);
    this.slots = new Int32Array(cap);
    this.keyAt = new Uint32Array(Math.max(16, expected));
  }

  /** Index of key, or -1. */
  get(key: number): number {
    let s = hash32(key) & this.mask;
    for (;;) {
      const v = this.slots[s]!;
      if (v === 0) return -1;
      if (this.keys[s] === key) return v - 1;
      s = (s + 1) & this.mask;
    }
  }

  /** Index of key, adding it when new (then the index is `size - 1`). */
  add(key: number): number {
    let s = hash32(key) & this.mask;
    for (;;) {
      const v = this.slots[s]!;
      if (v === 0) break;
      if (this.keys[s] === key) return v - 1;
      s = (s + 1) & this.mask;
    }
    const i = this.size++;
    this.keys[s] = key;
    this.slots[s] = i + 1;
    if (i >= this.keyAt.length) {
      const k = new Uint32Array(this.keyAt.length * 2);
      k.set(this.keyAt);
      this.keyAt = k;
    }
    this.keyAt[i] = key;
    if (this.size * 2 > this.mask) this.rehash();
    return i;
  }

  private rehash(): void {
    const cap = (this.mask + 1) * 2;
    const keys = new Uint32Array(cap);
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let i = 0; i < this.size; i++) {
      const key = this.keyAt[i]!;
      let s = hash32(key) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      keys[s] = key;
      slots[s] = i + 1;
    }
    this.keys = keys;
    this.slots = slots;
    this.mask = mask;
  }
}

/** (a, b) pair of 32-bit keys -> dense index in insertion order. One interleaved array: one cache miss a probe. */
export class PairIndex {
  size = 0;
  private mask: number;
  /** Slot s: [index + 1 (0 = empty), a, b, unused] as int32. */
  private t: Int32Array;
  /** Second key of each pair by index. */
  private bAt: Uint32Array;
  private fresh = false;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.t = new Int32Array(cap * 4);
    this.bAt = new Uint32Array(Math.max(16, expected));
  }

  secondAt(i: number): number {
    return this.bAt[i]!;
  }

  /** Was the pair added by the last `add`? */
  isNew(): boolean {
    return this.fresh;
  }

  /** Index of the pair, adding it when new. */
  add(x: number, y: number): number {
    const xi = x | 0;
    const yi = y | 0;
    const t = this.t;
    let s = (hash32(x ^ Math.imul(y, 0x9e3779b1)) & this.mask) << 2;
    const wrap = this.t.length - 1;
    for (;;) {
      const v = t[s]!;
      if (v === 0) break;
      if (t[s + 1] === xi && t[s + 2] === yi) {
        this.fresh = false;
        return v - 1;
      }
      s = (s + 4) & wrap;
    }
    const i = this.size++;
    t[s] = i + 1;
    t[s + 1] = xi;
    t[s + 2] = yi;
    this.fresh = true;
    if (i >= this.bAt.length) {
      const k = new Uint32Array(this.bAt.length * 2);
      k.set(this.bAt);
      this.bAt = k;
    }
    this.bAt[i] = y;
    if (this.size * 2 > this.mask) this.rehash();
    return i;
  }

  private rehash(): void {
    const old = this.t;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    const t = new Int32Array(cap * 4);
    const wrap = t.length - 1;
    for (let o = 0; o < old.length; o += 4) {
      const v = old[o]!;
      if (v === 0) continue;
      const x = old[o + 1]!;
      const y = old[o + 2]!;
      let s = (hash32((x >>> 0) ^ Math.imul(y >>> 0, 0x9e3779b1)) & this.mask) << 2;
      while (t[s] !== 0) s = (s + 4) & wrap;
      t[s] = v;
      t[s + 1] = x;
      t[s + 2] = y;
    }
    this.t = t;
  }
}
