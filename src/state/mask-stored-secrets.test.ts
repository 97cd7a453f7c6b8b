// What is stored of a paste is masked: on this thread when small, from the analysis worker's masked text when big,
// and on this thread again when no worker can do it (never stored unmasked).
import { describe, expect, it } from 'vitest';
import { MASK_OFF_PAGE_FROM_CHARS, maskedElsewhere, maskForStorage, maskPastesForStorage } from './mask-stored-secrets';

const SECRET = 'enable secret 5 $1$Xy7z$SuperSecretHash';
const big = (head: string) => `${head}\n${'Fa0/1         10.1.1.1        Se0/0         10.2.2.2        06 0400 0050     1\n'.repeat(Math.ceil(MASK_OFF_PAGE_FROM_CHARS / 70))}`;

describe('masking what is stored', () => {
  it('masks a small paste on this thread', () => {
    const out = maskForStorage({ id: 's1', name: 'cfg', text: `hostname r1\n${SECRET}\n` });
    expect(out.text).toContain('hostname r1');
    expect(out.text).not.toContain('SuperSecretHash');
  });

  it("takes a big paste's masked text from the analysis worker instead of masking it again", async () => {
    const text = big(SECRET);
    const fromWorker = `worker's masked copy of ${text.length} characters`;
    maskedElsewhere('b1', text, Promise.resolve(fromWorker));
    const [out] = await maskPastesForStorage([{ id: 'b1', name: 'flows', text }]);
    expect(out!.text).toBe(fromWorker);
  });

  it('masks a big paste here when the analysis did not finish and no masking worker exists (Node has none)', async () => {
    const text = big(SECRET);
    maskedElsewhere('b2', text, Promise.resolve(undefined)); // superseded by a newer run
    const [out] = await maskPastesForStorage([{ id: 'b2', name: 'flows', text }]);
    expect(out!.text).not.toContain('SuperSecretHash');
    expect(out!.text).toContain('enable secret 5');
    expect(out!.text.length).toBeGreaterThan(MASK_OFF_PAGE_FROM_CHARS);
  });

  it('never uses a masked text of an older version of the paste', async () => {
    const older = big('hostname r1');
    maskedElsewhere('b3', older, Promise.resolve('masked older text'));
    await Promise.resolve();
    const text = big(SECRET);
    const [out] = await maskPastesForStorage([{ id: 'b3', name: 'flows', text }]);
    expect(out!.text).not.toBe('masked older text');
    expect(out!.text).not.toContain('SuperSecretHash');
  });
});
