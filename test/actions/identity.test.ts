/** One person, one name: the platform's display name on the member record, used everywhere, and real mentions in the nudge. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeNudge } from '../../src/actions/nudge.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ start: '2026-11-16T10:00:00+01:00' });
});
afterEach(() => h.close());

const ID = 'console:local:c1';
const as = (user: string, name: string, text: string) => h.send({ user, name, channel: 'c1', text });

describe('one identity per person', () => {
  it('shows someone assigned with @ and later acting under the same display name everywhere', async () => {
    await as('anna', 'Anna Smit', 'wegwijs netwerk start "Passende plekken"');
    // Assigned by mention before Bram ever spoke: only the id is known.
    await as('anna', 'Anna Smit', 'wegwijs actie Bel het zorgkantoor @bram voor vrijdag');
    expect((await h.app.store.members.get(ID, 'bram'))?.data.name).toBe('bram');
    // Bram acts himself: the platform's display name becomes his name, on the member and the action.
    await as('bram', 'Bram de Vries', 'wegwijs actie 1 voortgang MDO gepland');
    await as('bram', 'Bram de Vries', 'wegwijs actie Verslag delen voor 3-12');
    await as('anna', 'Anna Smit', 'wegwijs actie Aanmelden bij de taskforce voor 1 december');
    expect((await h.app.store.members.get(ID, 'bram'))?.data.name).toBe('Bram de Vries');
    const list = (await as('anna', 'Anna Smit', 'wegwijs acties'))[0].text;
    expect(list).toContain('#1 Bel het zorgkantoor (Bram de Vries, bezig');
    expect(list).not.toMatch(/\(bram,/);

    const network = (await h.app.store.networks.get(ID, ID))!.data;
    const nudge = await composeNudge(h.app.services, network, new Date('2026-11-23T08:00:00Z'));
    const text = nudge.channel.text;
    // Wins, groups and the pair name each person once, the same way, as a mention.
    expect(text).toContain('@Bram de Vries zette een stap bij #1');
    expect(text).toContain('**@Bram de Vries**');
    expect(text).toContain('**@Anna Smit**');
    expect(text).toContain('🤝 @Anna Smit en @Bram de Vries');
    expect(text).not.toMatch(/(^|[^@\w])bram\b/m);
    expect(text.match(/\*\*@Bram de Vries\*\*/g)).toHaveLength(1);
    expect(nudge.channel.mentions).toEqual(expect.arrayContaining([{ id: 'bram', name: 'Bram de Vries' }, { id: 'anna', name: 'Anna Smit' }]));
  });

  it('keeps a typed name that is no member as plain text, without a mention', async () => {
    await as('anna', 'Anna Smit', 'wegwijs netwerk start "Passende plekken"');
    await as('anna', 'Anna Smit', 'wegwijs actie 1 vast');
    await h.app.services.ports.actionLog!.addActions({ platform: 'console', tenantId: 'local', channelId: 'c1', isDirect: false }, [{ title: 'Plek zoeken', owner: '@dirk' }], { id: 'anna', name: 'Anna Smit' });
    const network = (await h.app.store.networks.get(ID, ID))!.data;
    const nudge = await composeNudge(h.app.services, network, new Date('2026-11-23T08:00:00Z'));
    expect(nudge.channel.text).toContain('**dirk**');
    expect(nudge.channel.mentions ?? []).not.toContainEqual(expect.objectContaining({ name: 'dirk' }));
  });

  it('keeps a colleague typed by name, but never stores a client named as owner', async () => {
    await as('anna', 'Anna Smit', 'wegwijs netwerk start "Passende plekken"');
    const port = h.app.services.ports.actionLog!;
    const channel = { platform: 'console' as const, tenantId: 'local', channelId: 'c1', isDirect: false };
    await port.addActions(channel, [{ title: 'Bellen', owner: 'Zoë de Groot' }, { title: 'Bezoek', owner: 'mevrouw Jansen' }], { id: 'anna', name: 'Anna Smit' });
    const list = (await as('anna', 'Anna Smit', 'wegwijs acties'))[0].text;
    expect(list).toContain('#1 Bellen (Zoë de Groot');
    expect(list).not.toContain('Jansen');
  });
});
