// Pass 3 split between two threads (judge-split.ts): the analysis must come out exactly as on one thread, whatever the
// helper does with its job (does it, never takes it, cannot start), and the other thread's work must really land in
// the shared columns (a helper whose memory is not shared gets a different analysis).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { plain, src, table } from '../proof/flow-rows';
import { analyseFanOut, judgeHostRange } from './fan-out';
import { type JudgeHelper, type JudgeJob, registerJudgeHelper } from './judge-split';

/**
 * A helper whose "thread" works on a structured clone of the job (as postMessage makes it): it claims `most` runs
 * before this thread starts on its own (so the runs it judges come first, then this thread's), or all of them.
 */
function cloningHelper(jobs: JudgeJob[], most = () => Infinity, memory: (bytes: number) => ArrayBufferLike = (b) => new SharedArrayBuffer(b)): JudgeHelper {
  return {
    minRows: 1,
    shared: memory,
    start(job) {
      jobs.push(job);
      const result = structuredClone(judgeHostRange(structuredClone(job), most()));
      return { wait: () => result };
    },
  };
}

afterEach(() => registerJudgeHelper(undefined));

describe('pass 3 split with a helper thread', () => {
  it('gives the same analysis as one thread, with several sources, scanners and sources on several interfaces', () => {
    /** Hosts the other thread flagged, over all runs (the later sources have scanners of their own). */
    let flaggedThere = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2, max: 900 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 60 }), (seed, n, m, most) => {
        // The last source's scanners probe the first one's targets (the same seed): shared targets across the split.
        const sources = () => [src(table(seed, n)), src(table(seed + 1, 60), 'g'), src(table(seed, m, 11), 'h')];
        const want = plain(analyseFanOut(sources()));
        const jobs: JudgeJob[] = [];
        let theirs = 0;
        const helper = cloningHelper(jobs, () => most);
        registerJudgeHelper({ ...helper, start: (job) => { const w = helper.start(job)!; const r = w.wait()!; flaggedThere += r.nFlagged; theirs = r.runs.length; return w; } });
        const got = plain(analyseFanOut(sources()));
        registerJudgeHelper(undefined);
        expect(got).toBe(want);
        // The helper was given the job, and judged the runs it was let claim.
        expect(jobs).toHaveLength(1);
        expect(theirs).toBe(Math.min(most, jobs[0]!.bounds.length - 1));
      }),
      { numRuns: 60 },
    );
    expect(flaggedThere).toBeGreaterThan(0);
  });

  it('judges the hosts itself when the helper does not do the job or cannot start it', () => {
    const t = () => [src(table(99, 700)), src(table(100, 80), 'g')];
    const want = plain(analyseFanOut(t()));
    const shared = (b: number) => new SharedArrayBuffer(b);
    registerJudgeHelper({ minRows: 1, shared, start: () => ({ wait: () => undefined }) });
    expect(plain(analyseFanOut(t()))).toBe(want);
    registerJudgeHelper({ minRows: 1, shared, start: () => undefined });
    expect(plain(analyseFanOut(t()))).toBe(want);
    // Too few rows: no job at all.
    const jobs: JudgeJob[] = [];
    registerJudgeHelper({ ...cloningHelper(jobs), minRows: 10_000 });
    expect(plain(analyseFanOut(t()))).toBe(want);
    expect(jobs).toHaveLength(0);
  });

  it('needs memory both threads see: the other thread\'s findings would be lost in private memory', () => {
    const t = () => [src(table(5, 800))];
    const want = plain(analyseFanOut(t()));
    registerJudgeHelper(cloningHelper([], () => 3, (b) => new ArrayBuffer(b)));
    expect(plain(analyseFanOut(t()))).not.toBe(want);
  });
});
