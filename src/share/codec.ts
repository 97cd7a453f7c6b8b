// Share link codec: payload <-> "v1." + base64url(deflate(JSON)), and the safe decoder for untrusted links.
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import * as v from 'valibot';
import { validateAnswers } from '../core/answers';
import { fromBase64Url, toBase64Url } from './base64url';
import { shapeProblem } from './json-shape-guard';
import { migrate } from './migrations';
import { PAYLOAD_VERSION, PayloadSchema, describeIssues, type SharePayload } from './payload-schema';

/** Longest `d=` value we try to read; far beyond what any chat or ticket keeps, small enough to stay quick. */
export const MAX_ENCODED_CHARS = 2_000_000;
/**
 * Largest inflated JSON we accept: a tiny link must not inflate into gigabytes (a deflate bomb). The builder puts
 * pastes in a link only while it stays under 8,000 characters (at most ~480,000 characters of pastes, under 1 MB
 * once JSON-escaped); a diagnosis trimmed to fit is a few tens of KB.
 */
export const MAX_INFLATED_BYTES = 1_500_000;
/** A diagnosis-mode link carries no pastes: nothing valid comes near this. */
export const MAX_DIAGNOSIS_JSON_CHARS = 512_000;

export type DecodeFailure = 'not-a-link' | 'too-large' | 'version' | 'damaged' | 'invalid';
export type DecodeResult =
  | { ok: true; payload: SharePayload; notes: string[] }
  | { ok: false; reason: DecodeFailure; message: string };

export function encodePayload(payload: SharePayload): string {
  const json = JSON.stringify(payload);
  return `v${PAYLOAD_VERSION}.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

class TooLarge extends Error {}

function inflateCapped(data: Uint8Array, cap: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inf = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > cap) throw new TooLarge();
    chunks.push(chunk);
    if (final) done = true;
  });
  // Feed in slices so the cap trips early instead of after one huge allocation.
  const SLICE = 16 * 1024;
  for (let i = 0; i < data.length; i += SLICE) inf.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  if (data.length === 0) inf.push(data, true);
  if (!done) throw new Error('deflate stream ended early');
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const fail = (reason: DecodeFailure, message: string): DecodeResult => ({ ok: false, reason, message });

/** Decode, migrate, validate and normalise a `d=` value. Never throws; every failure says what went wrong. */
export function decodePayload(encoded: string): DecodeResult {
  if (encoded.length > MAX_ENCODED_CHARS) return fail('too-large', `This link is too large to open (${encoded.length.toLocaleString('en')} characters; the limit is ${MAX_ENCODED_CHARS.toLocaleString('en')}).`);
  const m = /^v(\d{1,6})\.(.*)$/s.exec(encoded);
  if (!m) return fail('not-a-link', 'This is not a Code Red Triage share link (it should start with "v1.").');
  const version = Number(m[1]);
  if (version === 0 || version > PAYLOAD_VERSION) {
    return fail('version', `This link was made by ${version > PAYLOAD_VERSION ? 'a newer' : 'an unknown'} version of the tool (format v${version}); this version reads up to v${PAYLOAD_VERSION}.`);
  }
  const bytes = fromBase64Url(m[2]!);
  if (!bytes || bytes.length === 0) return fail('damaged', 'This link is damaged: it contains characters a share link never has, or it was cut short.');
  let json: string;
  try {
    json = strFromU8(inflateCapped(bytes, MAX_INFLATED_BYTES));
  } catch (e) {
    if (e instanceof TooLarge) return fail('too-large', `This link expands to more than ${MAX_INFLATED_BYTES / 1_000_000} MB; it was not opened.`);
    return fail('damaged', 'This link is damaged (cut short or altered): its compressed data does not decode.');
  }
  // Count before parsing: the schema walk costs per value, and a few KB of link can hold a million empty objects.
  const tooMany = shapeProblem(json);
  if (tooMany) return fail('too-large', `This link holds far more than any report (${tooMany}); it was not opened.`);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('damaged', 'This link is damaged (cut short or altered): its content is not readable.');
  }
  if (json.length > MAX_DIAGNOSIS_JSON_CHARS && (raw as { mode?: unknown } | null)?.mode === 'diagnosis') {
    return fail('too-large', `This link's report is larger than any the tool makes (${Math.round(json.length / 1000)} KB); it was not opened.`);
  }
  const migrated = migrate(raw, version);
  if (!migrated.ok) return fail('version', `This link cannot be opened: ${migrated.error}.`);
  // abortEarly: the first problem is enough to refuse a link, so a hostile one is not walked to its end.
  const parsed = v.safeParse(PayloadSchema, migrated.value, { abortEarly: true });
  if (!parsed.success) return fail('invalid', `This link's content is not a valid report (${describeIssues(parsed.issues)}).`);
  return normalise(parsed.output);
}

/** Valid shape is not enough: answers must be ones the questionnaire knows (the rules read them). */
function normalise(p: SharePayload): DecodeResult {
  const { answers, problems } = validateAnswers(p.answers);
  const notes = problems.map((x) => `ignored answer: ${x}`);
  return { ok: true, payload: { ...p, answers }, notes };
}
