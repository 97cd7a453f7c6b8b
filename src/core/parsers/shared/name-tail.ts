// The tail of a process name a terminal pushed to the next line (`SIS Punt ` / `Process`), for the tables that end in a name.
import { joinWrapped } from '../../text/wrap';

/** A few words of name characters (`Process`, `2fib`, `109 Hello`, `/0`, `ite*`, `'detect`), never junk like `@@` or `%`. */
const NAME_TAIL = /^[\w\-./:()'+&,*]+(?: [\w\-./:()'+&,*]+){0,3}$/;

/** A row whose columns are one blank apart everywhere: its blanks were squeezed, so its width is not the terminal's. */
const SQUEEZED = (rowLine: string): boolean => !rowLine.trim().includes('  ');

/**
 * The name with its tail joined, or null when `next` is not the tail of the row on `rowLine`. `known` says
 * whether `next` reads as something of its own (a row, a header, a counter line): then it is never a tail.
 * A tail is short, and the joined row would not fit in the narrowest width a terminal or mail client cuts at (unless
 * that width cannot be told: a row with no name, or with its blanks squeezed).
 */
export function joinNameTail(name: string, rowLine: string, next: string, known: (line: string) => boolean): string | null {
  const t = next.trim();
  if (t === '' || t.length > 30 || !NAME_TAIL.test(t) || known(next)) return null;
  // The width says nothing where the row has no name left (it went whole to the next line), or where a web page or
  // a mail archive squeezed every run of blanks to one (a table's columns are otherwise apart by two or more).
  if (name !== '' && !SQUEEZED(rowLine) && rowLine.length + 1 + t.length <= 72) return null;
  // Cut inside a word (the piece is exactly a terminal width long): glue; cut at a blank: one space.
  return name === '' ? t : name + joinWrapped(rowLine, next.trimEnd()).slice(rowLine.length);
}
