// Free ACL numbers and names, class-map and policy-map names: one allocator per plan, so nothing is claimed twice.
import { freeAclLike, freeExtendedAcl } from '../rules/remedies';
import type { ConfigModel } from './config-model';

export class NameAllocator {
  private readonly acls: Set<string>;
  private readonly mqc: Set<string>;
  /** NX-OS names every IP list (`ip access-list NAME`): a new list gets a name, never a number. */
  private readonly named: boolean;

  constructor(model: ConfigModel) {
    this.named = model.platform === 'nx-os';
    // (IPv4 and IPv6 list names are one namespace on IOS: `% Access-list type conflicts` otherwise.)
    this.acls = new Set([...Object.keys(model.acls), ...Object.keys(model.acls6 ?? {}), ...model.reservedAcls]);
    this.mqc = new Set([...Object.keys(model.classMaps), ...Object.keys(model.policyMaps)].map((n) => n.toLowerCase()));
  }

  /** A free extended ACL number (150-199 first, as the tech note does, then 100-149, then 2000-2699). */
  extendedNumber(): string {
    const id = this.named ? freeAclLike('CODE-RED', [...this.acls], 'BLOCK') : freeExtendedAcl([...this.acls]);
    this.acls.add(id);
    return id;
  }

  /** A free extended ACL of the same form as `old`: a number for a number, `OLD-suffix` for a name. */
  extendedLike(old: string, suffix: string): string {
    if (/^\d+$/.test(old)) return this.extendedNumber();
    const id = freeAclLike(old, [...this.acls], suffix);
    this.acls.add(id);
    return id;
  }

  /** A free ACL id of the same kind and form as `old` (standard stays standard), for a modified copy of it. */
  copyOf(old: string, suffix: string): string {
    // On NX-OS a list named 101 is a name like any other: its copy is ACL-101-NOLOG, not another number.
    const id = this.named ? freeAclLike(/^\d+$/.test(old) ? `ACL-${old}` : old, [...this.acls], suffix) : freeAclLike(old, [...this.acls], suffix);
    this.acls.add(id);
    return id;
  }

  /** A free IPv6 list name: the hint, else hint-2, hint-3... (`copyOf` for a copy of a list). */
  ipv6Name(hint: string): string {
    let name = hint;
    for (let n = 2; this.acls.has(name); n++) name = `${hint}-${n}`;
    this.acls.add(name);
    return name;
  }

  /** A class-map or policy-map name: the hint, else hint-2, hint-3... (IOS compares these names case-sensitively; we do not, to be safe). */
  mqcName(hint: string): string {
    let name = hint;
    for (let n = 2; this.mqc.has(name.toLowerCase()); n++) name = `${hint}-${n}`;
    this.mqc.add(name.toLowerCase());
    return name;
  }
}
