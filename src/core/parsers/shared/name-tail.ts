// The tail of a process name a terminal pushed to the next line (`SIS Punt ` / `Process`), for the tables that end in a name.
import { joinWrapped } from '../../text/wrap';

/** A few words of name characters (`Process`, `2fib`, `109 Hello`, `/0`, `ite*`, `'detect`), never junk like `@@` or `%`. */
const NAME_TAIL = /^[\w\-./:()'+&,*]+(?: [\w\-./:()'+&,*]+){0,3}$/;

/**
 * The name with its tail joined, or null when `next` is not the tail of the row on `rowLine`. `known` says
 * whether `next` reads as something of its own (a row, a header, a counter line): then it is never a tail.
 * A tail is short, and the joined row would not fit in the narrowest width a terminal or mail client cuts at.
 */
export function joinNameTail(name: string, rowLine: string, next: string, known: (line: string) => boolean): string | null {
  const t = next.trim();
  if (t === '' || t.length > 30 || !NAME_TAIL.test(t) || known(next)) return null;
  if (rowLine.length + 1 + t.length <= 72) return null;
  // Cut inside a word (the piece is exactly a terminal width long): glue; cut at a blank: one space.
  return name === '' ? t : name + joinWrapped(rowLine, next.trimEnd()).slice(rowLine.length);
}
