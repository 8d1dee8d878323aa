/**
 * One coded-error base class and one handler: every error class of ours extends WegwijsError
 * with a stable code; the Bot answers a failing turn in one place, with the text the error names
 * (a catalogue key) or the general apology, never with the error's own message.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InboxUnavailableError } from '../../adapters/slack/inbox.ts';
import { KnowledgeError } from '../../src/ask/knowledge.ts';
import { ConfigError } from '../../src/config.ts';
import { DeliveryError, REPO_ROOT, WegwijsError, errorCode, type Feature } from '../../src/core/index.ts';
import { StoreConflictError } from '../../src/store/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

function failing(): Feature {
  const fail = (err: unknown) => async () => Promise.reject(err);
  return {
    name: 'probe',
    commands: [
      { names: ['named', 'named'], summaryKey: 'core.help.summary', handler: fail(new WegwijsError('wegwijs_forbidden', 'secret detail 1', { userKey: 'core.not_yours' })) },
      { names: ['unnamed', 'unnamed'], summaryKey: 'core.help.summary', handler: fail(new WegwijsError('wegwijs_bad_input', 'secret detail 2', { userKey: 'no.such.key' })) },
      { names: ['plain', 'plain'], summaryKey: 'core.help.summary', handler: fail(new Error('secret detail 3')) },
    ],
  };
}

describe('errors', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ features: () => [failing()] });
  });
  afterEach(() => h.close());

  it('answers with the text the error names, else the apology, never the message', async () => {
    const t = (key: string) => h.app.services.catalog.t('nl', key);
    const named = await h.say('ann', 'c1', 'wegwijs named');
    expect(named.map((o) => o.text)).toEqual([t('core.not_yours')]);
    const unnamed = await h.say('ann', 'c1', 'wegwijs unnamed');
    expect(unnamed.map((o) => o.text)).toEqual([t('core.error')]);
    const plain = await h.say('ann', 'c1', 'wegwijs plain');
    expect(plain.map((o) => o.text)).toEqual([t('core.error')]);
    expect(h.outputs.map((o) => o.text).join('\n')).not.toMatch(/secret detail/);
  });
});

describe('the coded-error classes', () => {
  it('all extend WegwijsError with a stable code', () => {
    const cases: [WegwijsError, string][] = [
      [new DeliveryError('x', 'retry', 10), 'wegwijs_delivery_error'],
      [new StoreConflictError('action', '1'), 'wegwijs_store_conflict'],
      [new ConfigError('PORT', 'x'), 'wegwijs_config_error'],
      [new KnowledgeError([]), 'wegwijs_knowledge_error'],
      [new InboxUnavailableError('x'), 'wegwijs_inbox_unavailable'],
    ];
    for (const [err, code] of cases) {
      expect(err).toBeInstanceOf(WegwijsError);
      expect(errorCode(err)).toBe(code);
      expect(err.name).toBe(err.constructor.name);
    }
    expect(errorCode(new Error('x'))).toBe('wegwijs_unexpected_error');
  });

  it('are the only error classes in src/, adapters/ and app/', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
    const offenders = ['src', 'adapters', 'app']
      .flatMap((d) => files(join(REPO_ROOT, d)))
      .filter((f) => !f.endsWith(join('src', 'errors.ts')) && /class \w+ extends (Error|TypeError|RangeError)\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(REPO_ROOT, f));
    expect(offenders).toEqual([]);
  });
});
