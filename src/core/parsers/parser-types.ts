// The contract every command parser implements: sniff a section by shape, parse it into typed facts.
import type { Kind, Warning } from '../types';

/** A section of one paste: lines[from..to) (normalised, 0-based indexes; line number = index + 1). */
export interface Section {
  readonly lines: readonly string[];
  readonly from: number;
  readonly to: number;
  /** The `| include ...` (or `| begin`, `| exclude`) filter the command was typed with, if any. */
  readonly filter?: string;
  /** What was typed after the command itself (`interface Gi0/1` of `show running-config interface Gi0/1`), if anything. */
  readonly args?: string;
}

export interface ParseOutput<T> {
  data: T;
  /** Table commands: data rows or entries; `show logging`: messages; single-object commands: 1. */
  records: number;
  warnings: Warning[];
}

export interface ParserDef<K extends Exclude<Kind, 'unknown'>, T> {
  kind: K;
  /** Full command words this parser reads; abbreviations are matched by the command index. */
  commands: readonly string[];
  /** 0..1: how much this section looks like this command's output when no command was echoed. */
  sniff(section: Section): number;
  parse(section: Section): ParseOutput<T>;
}
