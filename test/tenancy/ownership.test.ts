/** The one rule for ids in payloads (src/core/tenancy.ts) and the own-property handler lookup. */
import { describe, expect, it } from 'vitest';
import { IncomingActionSchema, ownedNetworkKey, ownHandler, sameTenant, splitActionId } from '../../src/core/index.ts';

const t1 = { platform: 'slack' as const, tenantId: 'T1' };

describe('ownedNetworkKey', () => {
  it('accepts a network of the request’s own platform and tenant', () => {
    expect(ownedNetworkKey(t1, 'slack:T1:C1')).toEqual({ ok: true, key: 'slack:T1:C1' });
    expect(ownedNetworkKey({ platform: 'teams', tenantId: 'a-b' }, 'teams:a-b:19:x@thread.tacv2;messageid=1')).toMatchObject({ ok: true });
  });

  it('refuses another tenant, another platform, a tenant that only starts the same, and malformed keys', () => {
    expect(ownedNetworkKey(t1, 'slack:T2:C1')).toEqual({ ok: false, code: 'tenant_foreign_network' });
    expect(ownedNetworkKey(t1, 'slack:T10:C1')).toEqual({ ok: false, code: 'tenant_foreign_network' });
    expect(ownedNetworkKey(t1, 'teams:T1:C1')).toEqual({ ok: false, code: 'tenant_foreign_network' });
    expect(ownedNetworkKey(t1, 'SLACK:T1:C1')).toEqual({ ok: false, code: 'tenant_foreign_network' });
    for (const bad of ['slack:T1:', '', undefined, null, 7, ['slack:T1:C1'], { key: 'slack:T1:C1' }, `slack:T1:${'C'.repeat(900)}`]) {
      expect(ownedNetworkKey(t1, bad)).toEqual({ ok: false, code: 'tenant_malformed_key' });
    }
  });

  it('compares stored records by platform and tenant', () => {
    expect(sameTenant(t1, { platform: 'slack', tenantId: 'T1' })).toBe(true);
    expect(sameTenant(t1, { platform: 'teams', tenantId: 'T1' })).toBe(false);
    expect(sameTenant(t1, { platform: 'slack', tenantId: 't1' })).toBe(false);
  });
});

describe('handler lookup', () => {
  const table = { done: async () => {}, later: async () => {} };

  it('finds only a feature’s own handlers, never what objects inherit', () => {
    expect(ownHandler(table, 'done')).toBe(table.done);
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', '']) expect(ownHandler(table, name), name).toBeUndefined();
    expect(ownHandler({ odd: 'not a function' } as unknown as Record<string, () => void>, 'odd')).toBeUndefined();
  });

  it('splits an action id into feature and handler', () => {
    expect(splitActionId('actions.done')).toEqual({ feature: 'actions', handler: 'done' });
    expect(splitActionId('actions.constructor')).toEqual({ feature: 'actions', handler: 'constructor' });
    for (const bad of ['actions', '.done', 'actions.', '']) expect(splitActionId(bad), bad).toBeUndefined();
  });
});

describe('payload records', () => {
  it('refuse prototype keys and come without a prototype', () => {
    const parsed = IncomingActionSchema.parse({ id: 'actions.later', value: { input: 'constructor' }, inputs: { date: 'morgen' } });
    expect(parsed.inputs?.['constructor' as string]).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.inputs)).toBeNull();
    for (const value of ['{"constructor":null}', '{"__proto__":{"x":1}}', '{"prototype":1}']) {
      const result = IncomingActionSchema.safeParse({ id: 'a.b', value: JSON.parse(value) });
      expect(result.success, value).toBe(false);
    }
    expect(IncomingActionSchema.safeParse({ id: 'a.b', value: { q: 'x'.repeat(1001) } }).success).toBe(false);
    expect(IncomingActionSchema.safeParse({ id: 'a.b', inputs: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v'])) }).success).toBe(false);
  });
});
