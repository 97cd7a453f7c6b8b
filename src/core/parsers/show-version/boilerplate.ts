// The `show version` lines we positively know carry no fact we read; everything else is reported as unread.
import { EXEC_PROMPT_TIMESTAMP_LINES } from '../shared/exec-prompt-timestamp';

/**
 * Fixed legal text, compared whole (spaces collapsed): the cryptographic export notice every k9 image prints,
 * and the IOS-XE GPL notice (its line breaks differ between releases, hence both wrappings).
 */
const LEGAL_LINES = new Set(
  [
    'This product contains cryptographic features and is subject to United',
    'States and local country laws governing import, export, transfer and',
    'use. Delivery of Cisco cryptographic products does not imply',
    'third-party authority to import, export, distribute or use encryption.',
    'Importers, exporters, distributors and users are responsible for',
    'compliance with U.S. and local country laws. By using this product you',
    'agree to comply with applicable laws and regulations. If you are unable',
    'to comply with U.S. and local laws, return this product immediately.',
    'A summary of U.S. laws governing Cisco cryptographic products may be found at:',
    'http://www.cisco.com/wwl/export/crypto/tool/stqrg.html',
    'If you require further assistance please contact us by sending email to',
    'export@cisco.com.',
    'All rights reserved. Certain components of Cisco IOS-XE software are',
    'licensed under the GNU General Public License ("GPL") Version 2.0. The',
    'software code licensed under GPL Version 2.0 is free software that comes',
    'with ABSOLUTELY NO WARRANTY. You can redistribute and/or modify such',
    'GPL code under the terms of GPL Version 2.0.',
    'GPL code under the terms of GPL Version 2.0. For more details, see the',
    '(http://www.gnu.org/licenses/gpl-2.0.html) For more details, see the',
    'documentation or "License Notice" file accompanying the IOS-XE software,',
    'or the applicable URL provided on the flyer accompanying the IOS-XE',
    'software.',
  ].map((s) => s.toLowerCase()),
);

/** Line shapes that carry nothing the rules read: banner, boot and reload history, inventory, licences. */
const NOISE: RegExp[] = [
  // The exec prompt timestamp (`terminal exec prompt timestamp`) printed above every command's output.
  ...EXEC_PROMPT_TIMESTAMP_LINES,
  // Banner around the software line.
  /^Cisco Internetwork Operating System Software$/i,
  /^Technical Support: http:\/\/www\.cisco\.com\/techsupport$/i,
  /^Copyright \(c\) \d{4}-\d{4} by [Cc]isco Systems,? Inc\.$/,
  /^Cisco IOS-XE software, Copyright \(c\) \d{4}-\d{4} by [Cc]isco Systems, Inc\.$/,
  /^Compiled \w{3} \d{1,2}-\w{3}-\d{2} \d{1,2}:\d{2} by \S+$/,
  /^Image text-base: 0x[0-9A-F]+, data-base: 0x[0-9A-F]+$/i,
  /^This software is supported for a limited time under special agreement with Cisco Systems, Inc\./,
  // Boot and reload history.
  /^ROM: .+$/,
  /^BOOTLDR: .+$/,
  /^BOOTFLASH: .+$/,
  /^Uptime for this control processor is .+$/,
  /^Time since \S+ switched to active is .+$/,
  /^System returned to ROM by .+$/,
  /^System restarted at .+$/,
  /^System was restarted by .+$/,
  /^Running default software$/,
  /^System image file is .+$/,
  /^Last reload (reason|type): .+$/,
  /^Last reset from .+$/,
  /^Configuration register is 0x[0-9A-F]+( \(will be 0x[0-9A-F]+ at next reload\))?$/i,
  // Hardware inventory.
  /^Processor board ID .+$/,
  /^\S+ CPU at \d+(\.\d+)?[MG]hz, .+$/i,
  /^\S+ processor: part number \d+, mask \d+$/,
  /^\d+ slot (VXR )?midplane, Version [\d.]+$/,
  /^\d+ [\w /.()-]*?interfaces?(\(s\))?$/i,
  /^\d+ terminal lines?(\(s\))?$/,
  /^\d+ Virtual Private Network \(VPN\) Modules?$/,
  /^DRAM configuration is \d+ bits wide with parity (disabled|enabled)\.$/,
  /^\d+K bytes of .+$/,
  /^Running (Standard|Enhanced|Advanced IP Services|IP Services|IP Base|LAN Base) Image$/i,
  /^The password-recovery mechanism is (enabled|disabled)\.$/,
  /^Router operating mode: \w+$/,
  // The feature list: "Bridging software.", "X.25 software, Version 3.0.0.", "Basic Rate ISDN software, Version 1.1.".
  /^[\w.-]+( [\w.-]+){0,3} software(, Version [\d.]+)?\.$/,
  /^SuperLAT software \(copyright 1990 by Meridian Technology Corp\)\.$/,
  // Per-member inventory of stacks and modular switches ("Model number : WS-C3750-24TS-E").
  /^(Base ethernet MAC Address|Motherboard assembly number|Motherboard serial number|Motherboard revision number|Power supply part number|Power supply serial number|Model revision number|Model number|System serial number|CLEI Code Number|Top Assembly Part Number|Top Assembly Revision Number|Version ID|Hardware Board Revision Number|Daughterboard assembly number|Daughterboard serial number|Switch uptime)\s*:\s*.*$/i,
  /^Switch Ports Model\s+SW Version\s+SW Image(\s+Mode)?$/,
  /^\*?\s*\d+\s+\d+\s+\S+\s+\S+\s+\S+(\s+(INSTALL|BUNDLE))?$/,
  /^Switch \d+$/,
  // Licences: level lines, the UDI table and the technology-package table.
  /^(License Level|License Type|Next reload license Level|Smart Licensing Status): .+$/,
  /^License (Info|UDI):$/,
  /^The current throughput level is \d+ [kmg]bps$/i,
  /^Technology Package License Information( for Module:'[^']*')?:?$/,
  /^Device#\s+PID\s+SN$/,
  /^\*\d+\s+\S+\s+\S+$/,
  /^Technology(-package)?\s+Technology-package(\s+Technology-package)?$/,
  /^(Current\s+)?(Current|Type)\s+(Type\s+)?Next reboot$/,
  /^[\w-]+\s+(?:[\w-]+\s+)?(Permanent|Temporary|Evaluation|None|RightToUse|EvalRightToUse|Smart License|Subscription Smart License|Expired|Paid)\s+[\w-]+$/i,
  // Rules under table headers.
  /^-+(\s+-+)*$/,
];

export function isBoilerplate(line: string): boolean {
  const t = line.trim().replace(/\s+/g, ' ');
  return LEGAL_LINES.has(t.toLowerCase()) || NOISE.some((re) => re.test(t));
}

/** Boilerplate read by its start only ("ROM: ...", "System image file is ..."): a cut tail may follow it. */
export function isOpenEndedBoilerplate(line: string): boolean {
  const t = line.trim().replace(/\s+/g, ' ');
  return NOISE.some((re) => re.source.endsWith('.+$') && re.test(t));
}
