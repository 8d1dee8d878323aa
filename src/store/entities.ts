/**
 * The store's own records: claims (events), leases and counters. Every other kind is declared,
 * with its schema, by the unit that owns it (`defineKind`).
 */
import { z } from 'zod';
import { defineKind } from './kinds.ts';

export const LEASE_KIND = defineKind('lease', { owner: 'store', partition: '"lease"', about: 'time-limited leases (scheduler leadership, jobs)' });
export const EVENT_KIND = defineKind('event', { owner: 'store', partition: 'scope', about: 'claims: something that must happen once (an event id, a nudge), with a time-to-live' });
export const COUNTER_KIND = defineKind('counter', { owner: 'store', partition: 'network', about: 'sequences (action numbers)' });

export const LeaseSchema = z.object({ owner: z.string(), until: z.string() });
export const MarkerSchema = z.object({ at: z.string() });
export const CounterSchema = z.object({ value: z.number().int() });
