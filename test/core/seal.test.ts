/**
 * The seal on payload fields that decide where something goes (src/core/seal.ts): a changed,
 * dropped or added field, another tenant or platform, another purpose, a damaged seal and an
 * expired one are refused; the key is shared by every instance through the store.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSealer, ManualClock, sealKey, SEAL_TTL_SECONDS, type Sealer } from '../../src/core/index.ts';
import { isMachineId } from '../../src/privacy/incoming.ts';
import { SqliteStore, Store, type DocumentStore } from '../../src/store/index.ts';
import { tempDir } from '../helpers/temp.ts';

const temp = tempDir();
afterAll(() => temp.cleanup());

const A = { platform: 'teams', tenantId: 'tenant-a' };
const B = { platform: 'teams', tenantId: 'tenant-b' };
const clock = new ManualClock('2026-11-30T10:00:00Z');
const sealer: Sealer = createSealer(Buffer.alloc(32, 7), clock);
const value = () => sealer.seal(A, 'origin', { c: '19:noord@thread.tacv2', n: 3 });

describe('a sealed value', () => {
  it('opens for the same tenant, platform and purpose, with its fields', () => {
    const opened = sealer.open(A, 'origin', value(), ['c', 'n']);
    expect(opened).toEqual({ ok: true, fields: { c: '19:noord@thread.tacv2', n: 3 } });
  });

  it('is refused when a field is changed, dropped or added', () => {
    const v = value();
    expect(sealer.open(A, 'origin', { ...v, c: '19:zuid@thread.tacv2' }, ['c', 'n'])).toEqual({ ok: false, code: 'seal_invalid' });
    expect(sealer.open(A, 'origin', { ...v, n: 4 }, ['c', 'n'])).toEqual({ ok: false, code: 'seal_invalid' });
    expect(sealer.open(A, 'origin', { ...v, n: '3' }, ['c', 'n'])).toEqual({ ok: false, code: 'seal_invalid' });
    expect(sealer.open(A, 'origin', { seal: v.seal, c: v.c }, ['c', 'n'])).toEqual({ ok: false, code: 'seal_invalid' });
    expect(sealer.open(A, 'origin', { ...v, m: 'x' }, ['c', 'n', 'm'])).toEqual({ ok: false, code: 'seal_invalid' });
  });

  it('is refused in another tenant, on another platform and for another button', () => {
    expect(sealer.open(B, 'origin', value(), ['c', 'n'])).toEqual({ ok: false, code: 'seal_invalid' });
    expect(sealer.open({ platform: 'slack', tenantId: 'tenant-a' }, 'origin', value(), ['c', 'n'])).toEqual({ ok: false, code: 'seal_invalid' });
    expect(sealer.open(A, 'ask.share', value(), ['c', 'n'])).toEqual({ ok: false, code: 'seal_invalid' });
    // A tenant id that runs into the platform's name makes no other valid seal ("teams"+"x:y" vs "teams:x"+"y").
    const odd = sealer.seal({ platform: 'teams', tenantId: 'x:y' }, 'origin', { c: 'c' });
    expect(sealer.open({ platform: 'teams:x', tenantId: 'y' }, 'origin', odd, ['c']).ok).toBe(false);
  });

  it('is refused when missing, damaged or of another key', () => {
    const v = value();
    expect(sealer.open(A, 'origin', { c: v.c, n: v.n }, ['c', 'n'])).toEqual({ ok: false, code: 'seal_missing' });
    expect(sealer.open(A, 'origin', { ...v, seal: v.seal.slice(0, -1) }, ['c', 'n'])).toEqual({ ok: false, code: 'seal_malformed' });
    expect(sealer.open(A, 'origin', { ...v, seal: 42 }, ['c', 'n'])).toEqual({ ok: false, code: 'seal_malformed' });
    expect(sealer.open(A, 'origin', { ...v, seal: `${v.seal.slice(0, -1)}${v.seal.endsWith('0') ? '1' : '0'}` }, ['c', 'n'])).toEqual({ ok: false, code: 'seal_invalid' });
    const other = createSealer(Buffer.alloc(32, 8), clock);
    expect(other.open(A, 'origin', v, ['c', 'n'])).toEqual({ ok: false, code: 'seal_invalid' });
  });

  it('cannot be moved forward in time: the expiry is part of what is signed', () => {
    const v = value();
    const later = (parseInt(v.seal.slice(5, 13), 16) + 3600).toString(16).padStart(8, '0');
    expect(sealer.open(A, 'origin', { ...v, seal: `seal:${later}${v.seal.slice(13)}` }, ['c', 'n'])).toEqual({ ok: false, code: 'seal_invalid' });
  });

  it('expires after its time, by the injected clock', () => {
    const start = clock.now();
    const v = value();
    const short = sealer.seal(A, 'origin', { c: 'C1' }, 60);
    clock.advance(59_000);
    expect(sealer.open(A, 'origin', short, ['c']).ok).toBe(true);
    clock.advance(2_000);
    expect(sealer.open(A, 'origin', short, ['c'])).toEqual({ ok: false, code: 'seal_expired' });
    clock.set(new Date(start.getTime() + SEAL_TTL_SECONDS * 1000 - 1000));
    expect(sealer.open(A, 'origin', v, ['c', 'n']).ok).toBe(true);
    clock.set(new Date(start.getTime() + SEAL_TTL_SECONDS * 1000 + 1000));
    expect(sealer.open(A, 'origin', v, ['c', 'n'])).toEqual({ ok: false, code: 'seal_expired' });
    clock.set(start);
  });

  it('is a machine id to the privacy pass, so redaction at the edge leaves it whole', () => {
    for (let i = 0; i < 50; i++) expect(isMachineId(sealer.seal(A, 'origin', { c: `C${i}` }).seal)).toBe(true);
  });
});

describe('the seal key', () => {
  const open = (name: string, wrap: (d: DocumentStore) => DocumentStore = (d) => d) => new Store(wrap(new SqliteStore(join(temp.dir, `${name}.db`), clock)), clock);

  it('is created once in the store and shared by every instance', async () => {
    const one = open('shared');
    const two = open('shared');
    const [k1, k2] = [await sealKey(one, undefined, clock), await sealKey(two, undefined, clock)];
    expect(k1.equals(k2)).toBe(true);
    const sealed = createSealer(k1, clock).seal(A, 'origin', { c: 'C1' });
    expect(createSealer(k2, clock).open(A, 'origin', sealed, ['c']).ok).toBe(true);
    // Another deployment (another store) has another key.
    expect((await sealKey(open('elsewhere'), undefined, clock)).equals(k1)).toBe(false);
    await Promise.all([one.close(), two.close()]);
  });

  it('keeps the first key written when two instances create it at once', async () => {
    const first = open('race');
    const winner = await sealKey(first, undefined, clock);
    // The second instance read before the first wrote: its create meets the taken id (a conflict).
    let reads = 0;
    const late = open('race', (docs) => new Proxy(docs, { get: (t, p) => (p === 'read' ? (...a: Parameters<DocumentStore['read']>) => (reads++ === 0 ? Promise.resolve(undefined) : t.read(...a)) : (t as never)[p]) }));
    expect((await sealKey(late, undefined, clock)).equals(winner)).toBe(true);
    expect(reads).toBe(2);
    await Promise.all([first.close(), late.close()]);
  });

  it('comes from WEGWIJS_SEAL_KEY when it is set, the same on every instance, without the store', async () => {
    const store = open('configured');
    const k1 = await sealKey(store, 'x'.repeat(40), clock);
    expect(k1.equals(await sealKey(open('other-configured'), 'x'.repeat(40), clock))).toBe(true);
    expect(k1.equals(await sealKey(store, 'y'.repeat(40), clock))).toBe(false);
    expect(k1.equals(await sealKey(store, undefined, clock))).toBe(false);
    await store.close();
  });
});
