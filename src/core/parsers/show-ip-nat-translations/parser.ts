// `show ip nat translations`: the translation table, static (---) rows included.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface NatTranslation {
  protocol: string;
  insideGlobal: string;
  insideLocal: string;
  outsideLocal: string;
  outsideGlobal: string;
  line: number;
}

export interface NatTranslationsData {
  translations: NatTranslation[];
  /** IOS-XE footer "Total number of translations: N". */
  total?: number;
  totalLine?: number;
}

export const natTranslationsParser: ParserDef<'show ip nat translations', NatTranslationsData> = {
  kind: 'show ip nat translations',
  commands: ['show ip nat translations'],
  sniff: () => 0,
  parse: (section) => notYetRead<NatTranslationsData>(section, { translations: [] }),
};
