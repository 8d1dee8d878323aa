/**
 * A button's value carries the bot's own ids (UUIDs, hashes). One random UUID in about 120 has a
 * digit run that reads as a BSN or a dossier number; redacting it broke the button now and then
 * ("Vraag het netwerk" posted nothing). Ids stay; personal data in a forged value still goes.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isMachineId, redactIncoming } from '../../src/privacy/incoming.ts';
import { consoleIncoming } from './forms.ts';

const now = new Date('2026-11-18T10:00:00Z');
const press = (value: Record<string, string>) => ({ ...consoleIncoming(''), action: { id: 'peers.post', value, messageId: 'm1' } });

describe('ids in button values', () => {
  it('keeps every id the bot issues, also those with digit runs', () => {
    const ids = ['7b250660-5381-4691-92c6-cf2deda5ae3c', 'ecd01061-c8e7-4fc2-b572-d8a93bc04385', '06f089db-3258-4688-9309-d3cbcc71d7ba', 'q-3f2a0612345678ab9c0d', ...Array.from({ length: 2000 }, () => randomUUID())];
    for (const p of ids) expect(redactIncoming(press({ p }), now).message.action?.value?.p, p).toBe(p);
  });

  it('still redacts personal data in a forged value, with or without the look of an id', () => {
    for (const forged of ['123456782', '0612345678', 'Jan de Vries 0612345678', 'q-123456782']) {
      expect(isMachineId(forged), forged).toBe(false);
      const out = redactIncoming(press({ p: forged }), now);
      expect(out.message.action?.value?.p, forged).not.toMatch(/123456782|12345678/);
    }
  });
});
