// `show alignment`: alignment corrections and spurious accesses.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface AlignmentData {
  /** True when the router says no alignment data and no spurious accesses were recorded. */
  noData: boolean;
  alignmentErrors?: number;
  alignmentLine?: number;
  spuriousAccesses?: number;
  spuriousLine?: number;
}

export const alignmentParser: ParserDef<'show alignment', AlignmentData> = {
  kind: 'show alignment',
  commands: ['show alignment'],
  sniff: () => 0,
  parse: (section) => notYetRead<AlignmentData>(section, { noData: false }),
};
