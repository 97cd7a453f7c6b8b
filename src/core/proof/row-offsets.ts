// A property of every table read from bytes: each row (entry, record) is quoted from where its line starts. A run that
// reads a line after an erased pager mark from where the screen shows it must still keep the line's own start as the
// row's offset, as the line-by-line path does; a diagnosis cannot tell (the line read back from either place
// normalises to the same text), so the tests ask it of the offsets themselves.

/** Rows whose offset is not the start of the line numbered `line` (1-based) in `bytes`: their indexes, at most 5. */
export function misplacedRows(bytes: Uint8Array, line: ArrayLike<number>, offsets: ArrayLike<number>, n: number): number[] {
  // Lines as the paste's text is split into them: at an LF, a CR LF or a lone CR.
  const starts = [0];
  for (let k = 0; k < bytes.length; k++) {
    if (bytes[k] === 13 && bytes[k + 1] === 10) k++;
    if (bytes[k] === 10 || bytes[k] === 13) starts.push(k + 1);
  }
  const out: number[] = [];
  for (let i = 0; i < n && out.length < 5; i++) if (starts[line[i]! - 1] !== offsets[i]) out.push(i);
  return out;
}
