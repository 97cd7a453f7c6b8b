// Reads dropped or opened capture files as text, refusing (in words) what would pass the size limit.
import { formatBytes, MAX_TOTAL_INPUT_BYTES } from '../../state/limits';
import { decodeFileBytes } from './decode-file';

export interface ReadResult {
  files: { name: string; text: string }[];
  problems: string[];
}

export async function readCaptureFiles(list: FileList | File[], alreadyUsed: number): Promise<ReadResult> {
  const files: { name: string; text: string }[] = [];
  const problems: string[] = [];
  let used = alreadyUsed;
  for (const f of Array.from(list)) {
    if (used + f.size > MAX_TOTAL_INPUT_BYTES) {
      problems.push(`${f.name} (${formatBytes(f.size)}) was not opened: it would pass the ${formatBytes(MAX_TOTAL_INPUT_BYTES)} limit.`);
      continue;
    }
    try {
      // (Not f.text(): it reads UTF-8 only, and a UTF-16 or Windows-1252 file came out as garbage.)
      const text = decodeFileBytes(new Uint8Array(await f.arrayBuffer()));
      used += text.length;
      files.push({ name: f.name, text });
    } catch (e) {
      problems.push(`${f.name} could not be read: ${(e as Error).message}`);
    }
  }
  return { files, problems };
}
