// `show mls entry`: CatOS (hybrid) MLS entries, two-line records.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

import type { FlowTable } from '../flow-table';
import { emptyFlowTable } from '../flow-table';

export interface MlsEntryData {
  flows: FlowTable;
  entries: number;
  /** False when entries carry no source address: the destination-only flow mask. */
  sourcesPresent: boolean;
  destinationOnlyLines: number[];
}

export const mlsEntryParser: ParserDef<'show mls entry', MlsEntryData> = {
  kind: 'show mls entry',
  commands: ['show mls entry', 'show mls entry ip'],
  sniff: () => 0,
  parse: (section) => notYetRead<MlsEntryData>(section, { flows: emptyFlowTable(), entries: 0, sourcesPresent: false, destinationOnlyLines: [] }),
};
