// The entry's early reading thread: started only for a command line that reads a file big enough for two threads,
// and handed to the analyzer once.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SPLIT_MIN, startEarlyReader, takeEarlyReader } from './reader-thread';

const dir = mkdtempSync(join(tmpdir(), 'crt-reader-'));
const big = join(dir, 'big.txt');
const small = join(dir, 'small.txt');
writeFileSync(small, 'Router#show ip cache flow\n');
writeFileSync(big, '');
truncateSync(big, SPLIT_MIN);
// A thread that does nothing: what is tested is who starts it and who gets it.
const idle = pathToFileURL(join(dir, 'idle.cjs'));
writeFileSync(idle, '');

afterEach(() => {
  const left = takeEarlyReader();
  void left?.worker.terminate();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the early reading thread', () => {
  it('starts for a file of SPLIT_MIN bytes or more, among options and their values, and is taken once', async () => {
    startEarlyReader(['--json', '--answer', 'KEY=VALUE', big], idle);
    const r = takeEarlyReader();
    expect(r?.worker).toBeInstanceOf(Worker);
    expect(takeEarlyReader()).toBeUndefined();
    await r!.worker.terminate();
  });

  it('does not start for a smaller file, standard input, a missing file, or a run that reads no dump', () => {
    startEarlyReader(['--json', small], idle);
    expect(takeEarlyReader()).toBeUndefined();
    truncateSync(big, SPLIT_MIN - 1);
    startEarlyReader(['--json', big], idle);
    expect(takeEarlyReader()).toBeUndefined();
    truncateSync(big, SPLIT_MIN);
    startEarlyReader(['--json', '-', join(dir, 'missing.txt')], idle);
    expect(takeEarlyReader()).toBeUndefined();
    for (const mode of ['--link', '--markdown', '--open', '--help']) {
      startEarlyReader([mode, big], idle);
      expect(takeEarlyReader(), mode).toBeUndefined();
    }
  });
});
