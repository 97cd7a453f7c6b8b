// The tech note's own captures, byte for byte (copied from ../shared/samples), as the built-in example.
import accounting from './samples/seed_show_ip_accounting.txt?raw';
import cache from './samples/seed_show_ip_cache.txt?raw';
import cacheFlow from './samples/seed_show_ip_cache_flow.txt?raw';
import cacheVerbose from './samples/seed_show_ip_cache_verbose.txt?raw';
import cefSummary from './samples/seed_show_ip_cef_summary.txt?raw';
import logging from './samples/seed_show_logging.txt?raw';
import memAdj from './samples/seed_show_memory_summary_include_adj.txt?raw';
import memCef from './samples/seed_show_memory_summary_include_cef.txt?raw';
import memFib from './samples/seed_show_memory_summary_include_fib.txt?raw';
import procBgp from './samples/seed_show_processes_memory_include_bgp.txt?raw';
import procCef from './samples/seed_show_processes_memory_include_cef.txt?raw';

/** Names match the sample files, so evidence cites the same source the CLI would. */
export const EXAMPLE_PASTES: readonly { name: string; text: string }[] = [
  { name: 'seed_show_ip_cache_flow.txt', text: cacheFlow },
  { name: 'seed_show_ip_accounting.txt', text: accounting },
  { name: 'seed_show_ip_cache.txt', text: cache },
  { name: 'seed_show_ip_cache_verbose.txt', text: cacheVerbose },
  { name: 'seed_show_ip_cef_summary.txt', text: cefSummary },
  { name: 'seed_show_logging.txt', text: logging },
  { name: 'seed_show_memory_summary_include_adj.txt', text: memAdj },
  { name: 'seed_show_memory_summary_include_cef.txt', text: memCef },
  { name: 'seed_show_memory_summary_include_fib.txt', text: memFib },
  { name: 'seed_show_processes_memory_include_bgp.txt', text: procBgp },
  { name: 'seed_show_processes_memory_include_cef.txt', text: procCef },
];
