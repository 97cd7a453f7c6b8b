// The rule registry: one file per finding id (CONTRACT.md), evaluated in this order, then sorted by severity.
import type { RuleDef } from './rule-types';
import { scanningHostRule } from './scanning-host';
import { mlsFlowmaskHidesSourcesRule } from './mls-flowmask-hides-sources';
import { defaultRouteToBroadcastInterfaceRule } from './default-route-to-broadcast-interface';
import { arpInputMemoryRule } from './arp-input-memory';
import { arpTableExplosionRule } from './arp-table-explosion';
import { cefNotEnabledRule } from './cef-not-enabled';
import { fastSwitchingCacheChurnRule } from './fast-switching-cache-churn';
import { httpServerEnabledRule } from './http-server-enabled';
import { consoleLoggingFlushesRule } from './console-logging-flushes';
import { aclLogKeywordRule } from './acl-log-keyword';
import { natTranslationOverloadRule } from './nat-translation-overload';
import { alignmentErrorsRule } from './alignment-errors';
import { highCpuInterruptRule } from './high-cpu-interrupt';
import { hybridgeInputCpuRule } from './hybridge-input-cpu';
import { ipAccountingDisablesDcefRule } from './ip-accounting-disables-dcef';
import { mallocfailRule } from './mallocfail';
import { netflowUnavailableRule } from './netflow-unavailable';
import { flowTableScanSignatureRule } from './flow-table-scan-signature';

/** In FINDING_IDS order (a test holds it to that), so equal severities keep the contract's order. */
export const RULES: readonly RuleDef[] = [
  scanningHostRule,
  mlsFlowmaskHidesSourcesRule,
  defaultRouteToBroadcastInterfaceRule,
  arpInputMemoryRule,
  arpTableExplosionRule,
  cefNotEnabledRule,
  fastSwitchingCacheChurnRule,
  httpServerEnabledRule,
  consoleLoggingFlushesRule,
  aclLogKeywordRule,
  natTranslationOverloadRule,
  alignmentErrorsRule,
  highCpuInterruptRule,
  hybridgeInputCpuRule,
  ipAccountingDisablesDcefRule,
  mallocfailRule,
  netflowUnavailableRule,
  flowTableScanSignatureRule,
];
