/** The six roles people can choose (`wegwijs rol …`), read forgivingly: variants and typos. */
import { fold, levenshtein } from '../core/index.ts';
import { z } from 'zod';

/** The roles the knowledge base knows ("iedereen": a card for everyone); the ask feature owns them. */
export const RoleSchema = z.enum(['clientondersteuner', 'zorgkantoor', 'zorgaanbieder', 'mantelzorgmakelaar', 'gemeente', 'facilitator', 'iedereen']);
export type Role = z.infer<typeof RoleSchema>;

const KNOWN_ROLES: ReadonlySet<string> = new Set(RoleSchema.options);

/** A role kept in a person's preferences (the core keeps it as a word), when it is one we know. */
export function asRole(kept: string | undefined): Role | undefined {
  // A set lookup: on every question, and a failed safeParse would build an error with its stack.
  return kept !== undefined && KNOWN_ROLES.has(kept) ? (kept as Role) : undefined;
}

export const CHOOSABLE_ROLES = ['clientondersteuner', 'zorgkantoor', 'zorgaanbieder', 'mantelzorgmakelaar', 'gemeente', 'facilitator'] as const satisfies readonly Role[];
export type ChoosableRole = (typeof CHOOSABLE_ROLES)[number];

const ALIASES: Record<ChoosableRole, string[]> = {
  clientondersteuner: ['clientondersteuner', 'clientondersteuners', 'clientondersteuning', 'client ondersteuner', 'oco', 'coo', 'clo', 'client supporter', 'client support'],
  zorgkantoor: ['zorgkantoor', 'zorgkantoren', 'zk', 'wlz uitvoerder', 'wlzuitvoerder', 'zorgadviseur', 'care office'],
  zorgaanbieder: ['zorgaanbieder', 'zorgaanbieders', 'aanbieder', 'zorginstelling', 'instelling', 'provider', 'care provider', 'zorgverlener'],
  mantelzorgmakelaar: ['mantelzorgmakelaar', 'mantelzorg makelaar', 'mzm', 'informal care broker'],
  gemeente: ['gemeente', 'gemeenten', 'wmo consulent', 'wmoconsulent', 'municipality', 'council'],
  facilitator: ['facilitator', 'facilitatoren', 'procesbegeleider', 'aanjager', 'netwerkcoordinator'],
};

const normalise = (text: string) => fold(text).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();

/** The role meant by what was typed ("cliëntondersteuner", "Client-ondersteuner", "zorgkantor"), or undefined. */
export function parseRole(typed: string): ChoosableRole | undefined {
  const text = normalise(typed);
  if (!text) return undefined;
  let best: { role: ChoosableRole; distance: number } | undefined;
  for (const role of CHOOSABLE_ROLES) {
    for (const alias of ALIASES[role]) {
      if (alias === text || alias.replace(/ /g, '') === text.replace(/ /g, '')) return role;
      if (alias.length < 6) continue;
      const distance = levenshtein(text.replace(/ /g, ''), alias.replace(/ /g, ''));
      const allowed = alias.length >= 12 ? 3 : 2;
      if (distance <= allowed && (!best || distance < best.distance)) best = { role, distance };
    }
  }
  return best?.role;
}
