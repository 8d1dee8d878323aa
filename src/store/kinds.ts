/**
 * Record kinds are declared by the unit that owns them (a feature, the core, an adapter), not
 * listed here: the store knows no feature's records. A kind must be declared before a collection
 * of it is opened, so every kind in the database has a named owner, and two units cannot take
 * the same kind by accident (a kind may be shared only when each owner says so, e.g. the
 * platforms' installations, each in its own partition).
 */
import { WegwijsError } from '../errors.ts';

export interface KindInfo {
  /** The unit that owns the records: "core", "actions", "slack", … */
  owner: string;
  /** What the partition key is: "network", "tenant", "platform", … (for the docs and the rights). */
  partition: string;
  /** One line: what is kept. */
  about: string;
  /** Other owners may declare the same kind too (each in partitions of its own). */
  shared?: boolean;
}

export interface DeclaredKind extends KindInfo {
  kind: string;
}

const KIND_NAME = /^[a-z][a-z0-9_-]{0,39}$/;
const declared = new Map<string, DeclaredKind[]>();

/** Declares a kind of record and returns its name; harmless when the same owner declares it again. */
export function defineKind<K extends string>(kind: K, info: KindInfo): K {
  if (!KIND_NAME.test(kind)) throw new WegwijsError('wegwijs_store_error', `Bad record kind "${kind}": lower case letters, digits, - and _`);
  const owners = declared.get(kind) ?? [];
  if (owners.some((o) => o.owner === info.owner)) return kind;
  if (owners.length && !(info.shared && owners.every((o) => o.shared))) {
    throw new WegwijsError('wegwijs_store_error', `Record kind "${kind}" is already owned by ${owners.map((o) => o.owner).join(', ')}; ${info.owner} needs a kind of its own`);
  }
  declared.set(kind, [...owners, { kind, ...info }]);
  return kind;
}

/** Fails unless the kind was declared (a collection of an undeclared kind is a programming error). */
export function assertKind(kind: string): void {
  if (!declared.has(kind)) {
    throw new WegwijsError('wegwijs_store_error', `Record kind "${kind}" is not declared: call defineKind("${kind}", { owner, partition, about }) in the unit that owns it`);
  }
}

/** Every declared kind with its owners (for the rights, the docs and the architecture test). */
export function declaredKinds(): DeclaredKind[] {
  return [...declared.values()].flat();
}
