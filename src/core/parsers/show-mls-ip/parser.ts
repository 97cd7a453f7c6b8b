// `show mls ip`: native IOS MLS entries (two-line records) on Cat6000 Sup/MSFC.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

import type { FlowTable } from '../flow-table';
import { emptyFlowTable } from '../flow-table';

export interface MlsData {
  flows: FlowTable;
  /** Number of MLS entries (two-line records) read. */
  entries: number;
  /** False when entries carry no source address: the destination-only flow mask (Sup1/MSFC default). */
  sourcesPresent: boolean;
  /** Lines of entries without a source, for evidence. */
  destinationOnlyLines: number[];
}

export const mlsIpParser: ParserDef<'show mls ip', MlsData> = {
  kind: 'show mls ip',
  commands: ['show mls ip'],
  sniff: () => 0,
  parse: (section) => notYetRead<MlsData>(section, { flows: emptyFlowTable(), entries: 0, sourcesPresent: false, destinationOnlyLines: [] }),
};
