// The order hosts are listed in: most destinations first, then most flows, then lowest address. Counting sorts over
// typed columns (least significant key first, each pass stable): O(hosts + largest count), no comparator calls and
// no object reads, where a comparison sort of 200,000 host objects costs a few million cache-missing comparisons.

/** Hosts 0..n-1 in fan-out order, given each one's destinations and flows (whole counts) and address (32 bits). */
export function fanOutOrder(destinations: ArrayLike<number>, flows: ArrayLike<number>, addr: ArrayLike<number>, n: number): Int32Array {
  let order = identity(n);
  if (n < 2) return order;
  // As small integers (the counts come from float columns): the histograms' sizes, which V8 compiled for such.
  const maxFlows = largestCount(flows, n) | 0;
  const maxDestinations = largestCount(destinations, n) | 0;
  if (maxFlows < 0 || maxDestinations < 0) {
    // Not whole counts of a sane size (never from analyseFanOut): compare instead.
    return order.sort((x, y) => destinations[y]! - destinations[x]! || flows[y]! - flows[x]! || addr[x]! - addr[y]!);
  }
  let spare = new Int32Array(n);
  /** One stable counting sort of `order` by key[host] (0 <= key < range), into `spare`; then the two swap. */
  const pass = (key: Int32Array, range: number, descending: boolean) => {
    const starts = histogram(key, n, range);
    if (descending) startsDescending(starts);
    else startsAscending(starts);
    scatter(order, spare, key, starts, n);
    [order, spare] = [spare, order];
  };
  const key = new Int32Array(n);
  // Address, low 16 bits then high 16 bits (ascending), then flows and destinations (descending).
  lowHalves(addr, key, n);
  pass(key, 0x10000, false);
  highHalves(addr, key, n);
  pass(key, 0x10000, false);
  counts(flows, key, n);
  pass(key, maxFlows + 1, true);
  counts(destinations, key, n);
  pass(key, maxDestinations + 1, true);
  return order;
}

// One loop per function: a function with several loops is compiled while its first loop runs (on-stack
// replacement), then thrown away at the next loop, whose operations had never run; each pass would pay that again.
// (The key loops were fanOutOrder's own: with 200,000 hosts it was compiled and thrown away five times, measured
// 2026-12-03 with --trace-deopt.)

/** 0, 1, ... n - 1. */
function identity(n: number): Int32Array<ArrayBuffer> {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

function lowHalves(addr: ArrayLike<number>, key: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) key[i] = addr[i]! & 0xffff;
}

function highHalves(addr: ArrayLike<number>, key: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) key[i] = addr[i]! >>> 16;
}

/** Whole counts (largestCount has checked them) as keys. */
function counts(a: ArrayLike<number>, key: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) key[i] = a[i]!;
}

/** How many of key[0..n) hold each value 0..range. */
function histogram(key: Int32Array, n: number, range: number): Int32Array {
  const count = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) count[key[i]!]!++;
  return count;
}

/** Counts to where each key's run starts, smallest key first (in place; the shared targets' radix sort uses it too). */
export function startsAscending(count: Int32Array): void {
  for (let k = 0, at = 0; k < count.length; k++) {
    const c = count[k]!;
    count[k] = at;
    at += c;
  }
}

/** Counts to where each key's run starts, largest key first (in place). */
function startsDescending(count: Int32Array): void {
  for (let k = count.length - 1, at = 0; k >= 0; k--) {
    const c = count[k]!;
    count[k] = at;
    at += c;
  }
}

/** Each host of `order` to its key's next place in `to`, keeping their order within a key. */
function scatter(order: Int32Array, to: Int32Array, key: Int32Array, starts: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const h = order[i]!;
    to[starts[key[h]!]!++] = h;
  }
}

/** Counts above this go to the comparison sort (a counting array that big would cost more than it saves). */
const MAX_COUNT = 1 << 26;

/** The largest of a[0..n), or -1 when one is not a whole number in 0..MAX_COUNT. */
function largestCount(a: ArrayLike<number>, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if (!(v >= 0 && v <= MAX_COUNT && v === Math.floor(v))) return -1;
    if (v > m) m = v;
  }
  return m;
}
