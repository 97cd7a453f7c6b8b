// Web Worker entry: runs the pure core off the main thread and posts back the plain-JSON contract Diagnosis; also
// opens and makes share links (a hostile link must not freeze the page) and reads big capture files in chunks.
/// <reference lib="webworker" />
import { diagnoseDetailed } from '../core/diagnose';
import { pasteOfChunks } from '../core/big-paste/read-chunks';
import { decodeUtf8 } from '../core/parsers/show-ip-cache-flow/prescanned';
import { suggestNextSteps } from '../core/rules/next-steps';
import type { Paste } from '../core/types';
import { buildShareLink } from '../share/build-share';
import { decodePayload } from '../share/codec';
import { redactDiagnosisBy, redactSecrets, redactSecretsDetailed } from '../share/redact-secrets';
import type { DecodeRequest, DecodeResponse, FileInput, MaskRequest, MaskResponse, ShareRequest, ShareResponse, WorkerRequest, WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Files read by the last run, by key: a re-run (answers changed) does not read 80 MB again. */
let readFiles = new Map<string, Paste>();

/** The line starting at `offset` of a file, read synchronously (evidence quoting happens inside diagnose). */
function fileLineAt(file: Blob): (offset: number) => string {
  return (offset) => {
    const b = new Uint8Array(new FileReaderSync().readAsArrayBuffer(file.slice(offset, offset + 4096)));
    let e = 0;
    while (e < b.length && b[e] !== 10 && b[e] !== 13) e++;
    return decodeUtf8(b, 0, e);
  };
}

async function readAll(id: number, files: FileInput[]): Promise<Paste[]> {
  const total = files.reduce((n, f) => n + f.file.size, 0);
  const next = new Map<string, Paste>();
  const out: Paste[] = [];
  let before = 0;
  let posted = -1;
  for (const f of files) {
    let paste = readFiles.get(f.key);
    if (!paste) {
      const base = before;
      paste = await pasteOfChunks(
        f.name,
        f.file.size,
        async (s, e) => new Uint8Array(await f.file.slice(s, e).arrayBuffer()),
        fileLineAt(f.file),
        (done) => {
          // One message per percent at most: the main thread redraws the bar for each.
          const pct = Math.floor(((base + done) / total) * 100);
          if (pct === posted) return;
          posted = pct;
          self.postMessage({ id, progress: { done: base + done, total } } satisfies WorkerResponse);
        },
      );
    }
    before += f.file.size;
    next.set(f.key, paste);
    out.push(paste);
  }
  readFiles = next;
  return out;
}

self.onmessage = async (event: MessageEvent<WorkerRequest | DecodeRequest | ShareRequest | MaskRequest>) => {
  const req = event.data;
  const t0 = performance.now();
  if (req.type === 'decode') {
    // decodePayload never throws: every failure comes back as a reason in words.
    const answer: DecodeResponse = { id: req.id, type: 'decoded', result: decodePayload(req.encoded), ms: performance.now() - t0 };
    self.postMessage(answer);
    return;
  }
  if (req.type === 'mask') {
    self.postMessage({ id: req.id, type: 'masked', texts: req.texts.map(redactSecrets) } satisfies MaskResponse);
    return;
  }
  if (req.type === 'share') {
    let answer: ShareResponse;
    try {
      answer = { id: req.id, type: 'shared', link: buildShareLink(req.input) };
    } catch (e) {
      answer = { id: req.id, type: 'shared', link: null, error: e instanceof Error ? e.message : String(e) };
    }
    self.postMessage(answer);
    return;
  }
  let res: WorkerResponse;
  try {
    const fromFiles = req.files?.length ? await readAll(req.id, req.files) : [];
    // diagnose() returns only the contract shape (no FlowTable typed arrays), safe and small to post.
    const detailed = diagnoseDetailed([...req.pastes, ...fromFiles], req.answers, req.hostFacts ? { senderHostFacts: req.hostFacts } : {});
    // Only the plain-JSON parts leave the worker: sections hold FlowTable typed arrays that must not be posted.
    const nextSteps = suggestNextSteps(req.answers, detailed.sections);
    // Quoted lines masked as their pastes mask them (a certificate line has no keyword of its own). Here, not on
    // the page: it masks every paste whole (about 60-100 ms for a 7.5 MB paste, a long task on the page), and the
    // masked texts go back too, as what the page stores of them (a paste is masked once, not again for storage).
    const masks = req.pastes.map((p) => ({ source: p.source, ...redactSecretsDetailed(p.text) }));
    const diagnosis = redactDiagnosisBy(detailed.diagnosis, masks);
    const masked = masks.map((m, i) => (m.text === req.pastes[i]!.text ? null : m.text));
    res = { id: req.id, ok: true, diagnosis, nextSteps, masked, ms: performance.now() - t0 };
  } catch (e) {
    res = { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(res);
};
