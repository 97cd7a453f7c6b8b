// Web Worker entry: runs the pure core off the main thread and posts back the plain-JSON contract Diagnosis; also
// opens and makes share links (a hostile link must not freeze the page) and reads big capture files in chunks.
/// <reference lib="webworker" />
import { FNF_HEAD_BYTES, pasteOfBytes, pasteOfChunks } from '../core/big-paste/read-chunks';
import { decodeCaptureBytes, needsRecoding } from '../core/text/encoding';
import { utf8Of } from './utf8';
import { type LinesAt, linesFromRanges, useAsciiDecoder } from '../core/parsers/show-ip-cache-flow/prescanned';
import type { Paste } from '../core/types';
import { buildShareLink } from '../share/build-share';
import { decodePayload } from '../share/codec';
import { redactSecrets } from '../share/redact-secrets';
import { diagnosePastes } from './diagnose-pastes';
import { answerMessages, type DecodeRequest, type DecodeResponse, type FileInput, type MaskRequest, type MaskResponse, type ShareRequest, type ShareResponse, type WorkerRequest, type WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// Long runs of text lines in a big file (a verbose cache, another command's output) decoded by the browser's decoder.
const utf8 = new TextDecoder();
useAsciiDecoder((bytes) => utf8.decode(bytes));

/** Files read by the last run, by key: a re-run (answers changed) does not read 80 MB again. */
let readFiles = new Map<string, Paste>();

/**
 * Lines of a file by their offsets, read synchronously (evidence quoting happens inside diagnose), nearby ones
 * together.
 */
function fileLinesAt(file: Blob): LinesAt {
  // A read here costs about as much as 300 KB more of it (linesFromRanges): runs bridge up to 256 KB.
  return linesFromRanges((start, end) => new Uint8Array(new FileReaderSync().readAsArrayBuffer(file.slice(start, end))), file.size, { window: 4 << 20, gap: 1 << 18 });
}

async function readAll(id: number, files: FileInput[]): Promise<Paste[]> {
  const total = files.reduce((n, f) => n + f.file.size, 0);
  const next = new Map<string, Paste>();
  const out: Paste[] = [];
  let before = 0;
  let posted = -1;
  for (const f of files) {
    let paste = readFiles.get(f.key);
    // (A Flexible NetFlow cache too: its plain records are read from bytes, core/big-paste/fnf-records.ts.)
    // A file Windows wrote in UTF-16 or Windows-1252 (its head tells): read whole, as UTF-8, from memory.
    if (!paste) {
      const head = new Uint8Array(await f.file.slice(0, FNF_HEAD_BYTES).arrayBuffer());
      if (needsRecoding(head)) {
        const bytes = new Uint8Array(await f.file.arrayBuffer());
        paste = pasteOfBytes(f.name, utf8Of(decodeCaptureBytes(bytes, (b) => utf8.decode(b))));
      }
    }
    if (!paste) {
      const base = before;
      paste = await pasteOfChunks(
        f.name,
        f.file.size,
        async (s, e) => new Uint8Array(await f.file.slice(s, e).arrayBuffer()),
        fileLinesAt(f.file),
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
    const { diagnosis, nextSteps, masked } = diagnosePastes(req.pastes, req.answers, fromFiles, req.hostFacts);
    res = { id: req.id, ok: true, diagnosis, nextSteps, masked, ms: performance.now() - t0 };
  } catch (e) {
    res = { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  // A big diagnosis's hosts go first, a few thousand a message, so the page reads them in short tasks (HostsPart).
  for (const m of answerMessages(res)) self.postMessage(m.message, m.transfer);
};
