// Open-addressing hash table on typed arrays: address -> dense index, no per-entry objects.

/**
 * A key drawn once a run: the tables' slots then follow no rule an outsider knows. Unkeyed, sources crafted to share
 * the mix's low bits (spoofed SYNs can carry any source) fell into one probe run: 100,000 of them took 68 s where
 * random ones take 1 s. Nothing is read in slot order (every table hands out its keys in insertion order), so the
 * output does not change from run to run.
 */
const KEY = randomKey();

function randomKey(): number {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) return c.getRandomValues(new Uint32Array(1))[0]! | 0;
  return (Math.random() * 0x100000000) | 0;
}

function hash32(key: number): number {
  const x = key ^ KEY;
  let h = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Unsigned 32-bit key -> dense index (0, 1, 2... in insertion order). A slot is two numbers side by side, the key and
 * its index + 1 (0: empty), so a probe reads one cache line: with keys and indexes in two arrays it read two, and with
 * 200,000 sources every probe is a cache miss.
 */
export class U32Index {
  size = 0;
  private mask: number;
  /** Slot s: key at 2s (as int32), index + 1 at 2s + 1. */
  private table: Int32Array;
  /** Keys by index, so callers can walk them in insertion order. */
  keyAt: Uint32Array;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.table = new Int32Array(2 * cap);
    this.keyAt = new Uint32Array(Math.max(16, expected));
  }

  /** Index of key, or -1. */
  get(key: number): number {
    const t = this.table;
    const k = key | 0;
    let s = hash32(key) & this.mask;
    for (;;) {
      const v = t[2 * s + 1]!;
      if (v === 0) return -1;
      if (t[2 * s] === k) return v - 1;
      s = (s + 1) & this.mask;
    }
  }

  /**
   * Read the first slot of each key in keys[from, to) (as a prefetch: a short loop whose cache misses overlap, so the
   * adds that follow find their slots in cache). Returns a value of no use, for the caller to keep the loads alive.
   */
  touch(keys: Uint32Array, from: number, to: number): number {
    const { table, mask } = this;
    let acc = 0;
    for (let i = from; i < to; i++) {
      const s = hash32(keys[i]!) & mask;
      acc = (acc + table[2 * s + 1]!) | 0;
    }
    return acc;
  }

  /** Index of key, adding it when new (then the index is `size - 1`). */
  add(key: number): number {
    const t = this.table;
    const k = key | 0;
    let s = hash32(key) & this.mask;
    for (;;) {
      const v = t[2 * s + 1]!;
      if (v === 0) break;
      if (t[2 * s] === k) return v - 1;
      s = (s + 1) & this.mask;
    }
    const i = this.size++;
    t[2 * s] = k;
    t[2 * s + 1] = i + 1;
    if (i >= this.keyAt.length) {
      const g = new Uint32Array(this.keyAt.length * 2);
      g.set(this.keyAt);
      this.keyAt = g;
    }
    this.keyAt[i] = key;
    if (this.size * 2 > this.mask) this.rehash();
    return i;
  }

  /**
   * Twice the slots. The old table is read in slot order: a key in old slot s goes near s or s + old capacity, so the
   * new table is written in two runs instead of at random (900,000 sources: their index's growth cost 50-170 ms of
   * cache misses when its keys were taken in index order).
   */
  private rehash(): void {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    const t = new Int32Array(2 * cap);
    const mask = cap - 1;
    for (let o = 0; o < old.length; o += 2) {
      const v = old[o + 1]!;
      if (v === 0) continue;
      const key = old[o]!;
      let s = hash32(key >>> 0) & mask;
      while (t[2 * s + 1] !== 0) s = (s + 1) & mask;
      t[2 * s] = key;
      t[2 * s + 1] = v;
    }
    this.table = t;
    this.mask = mask;
  }
}

/** A set of (a, b) address pairs on typed arrays: "did b ever send to a" for replies to UDP and ICMP probes. */
export class PairSet {
  size = 0;
  private mask: number;
  private as: Uint32Array;
  private bs: Uint32Array;
  private used: Uint8Array;

  constructor(expected = 256) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.as = new Uint32Array(cap);
    this.bs = new Uint32Array(cap);
    this.used = new Uint8Array(cap);
  }

  private slot(a: number, b: number): number {
    const { used, as, bs, mask } = this;
    let s = hash32(a ^ Math.imul(b, 0x9e3779b1)) & mask;
    // Both halves compared every time (no short cut past the second): the compiled probe has then seen both, where
    // a second half read only when a source's first pair collides was first met in a big capture, and recompiled.
    while (used[s] === 1 && ((as[s]! ^ a) | (bs[s]! ^ b)) !== 0) s = (s + 1) & mask;
    return s;
  }

  has(a: number, b: number): boolean {
    return this.used[this.slot(a, b)] === 1;
  }

  add(a: number, b: number): void {
    const s = this.slot(a, b);
    if (this.used[s]) return;
    this.used[s] = 1;
    this.as[s] = a;
    this.bs[s] = b;
    if (++this.size * 2 > this.mask) this.rehash();
  }

  private rehash(): void {
    const { as, bs, used } = this;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.as = new Uint32Array(cap);
    this.bs = new Uint32Array(cap);
    this.used = new Uint8Array(cap);
    for (let s = 0; s < used.length; s++) {
      if (!used[s]) continue;
      const t = this.slot(as[s]!, bs[s]!);
      this.used[t] = 1;
      this.as[t] = as[s]!;
      this.bs[t] = bs[s]!;
    }
  }
}

/**
 * A set of unsigned 32-bit keys on one typed array (4 bytes a slot, half full at most): 0 marks an empty slot and
 * the key 0 is kept in a flag. A fifth of the memory of a U32Index of the same keys (1M distinct destinations: 8 MB).
 */
export class U32Set {
  size = 0;
  private hasZero = false;
  private mask: number;
  private keys: Uint32Array;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Uint32Array(cap);
  }

  has(key: number): boolean {
    if (key === 0) return this.hasZero;
    const keys = this.keys;
    const mask = this.mask;
    let s = hash32(key) & mask;
    for (;;) {
      const k = keys[s]!;
      if (k === key) return true;
      if (k === 0) return false;
      s = (s + 1) & mask;
    }
  }

  add(key: number): void {
    if (key === 0) {
      if (!this.hasZero) this.size++;
      this.hasZero = true;
      return;
    }
    const keys = this.keys;
    const mask = this.mask;
    let s = hash32(key) & mask;
    for (;;) {
      const k = keys[s]!;
      if (k === key) return;
      if (k === 0) break;
      s = (s + 1) & mask;
    }
    keys[s] = key;
    if (++this.size * 2 > mask) this.rehash();
  }

  /** Add keys[0..n) (a repeat of the key before is skipped at once): one short loop, whose probes' misses overlap. */
  addMany(keys: Uint32Array, n: number): void {
    let prev = -1;
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      if (k === prev) continue;
      prev = k;
      this.add(k);
    }
  }

  private rehash(): void {
    const old = this.keys;
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const keys = new Uint32Array(cap);
    for (let i = 0; i < old.length; i++) {
      const key = old[i]!;
      if (key === 0) continue;
      let s = hash32(key) & mask;
      while (keys[s] !== 0) s = (s + 1) & mask;
      keys[s] = key;
    }
    this.keys = keys;
    this.mask = mask;
  }
}
