/**
 * Peers ask peers, end to end through the console adapter (the script mode's stack, in process):
 * refusal → "Vraag het netwerk" → confirm → card tagging a knower → reply in the thread → the
 * asker's DM → "Opgelost" → a draft exists → after review the next asker gets the network's answer
 * with its source.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { runInProcess } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';
import { listDrafts } from '../../src/peers/index.ts';
import { NETWORK_ANSWER, UNKNOWN_QUESTION, allText, buttonOf, knowledgeWithPromotedCard, peersFeatures } from './helpers.ts';

let h: Harness | undefined;
const temps: { cleanup(): void }[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const t of temps.splice(0)) t.cleanup();
});

async function networkWithKnower(harness: Harness) {
  await harness.say('fleur', 'noord', 'wegwijs netwerk start "Noord"');
  const known = await harness.say('bram', 'noord', 'wegwijs ik weet van pgb, meerzorg');
  expect(known[0]).toMatchObject({ private: true, to: 'bram', text: expect.stringContaining('pgb, meerzorg') });
  // Knows about something else: not tagged on a pgb question.
  await harness.say('carla', 'noord', 'wegwijs ik weet van dementie');
}

describe('peers ask peers (console)', () => {
  it('goes from "I don\'t know" to an answer from the network and back into the knowledge base', async () => {
    h = await createHarness({ start: '2026-11-18T10:00:00+01:00' });
    await networkWithKnower(h);

    // 1. The refusal, privately, with "Vraag het netwerk".
    const refusal = await h.say('anna', 'noord', `wegwijs ${UNKNOWN_QUESTION}`);
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toMatchObject({ private: true, to: 'anna' });
    const askNetwork = buttonOf(refusal, 'peers.ask');

    // 2. The confirmation shows exactly what will be posted; nothing is in the channel yet.
    const confirm = await h.press('anna', { channel: 'noord' }, askNetwork);
    expect(confirm).toHaveLength(1);
    expect(confirm[0]).toMatchObject({ private: true, to: 'anna' });
    expect(confirm[0].card!.body).toContain(`> ${UNKNOWN_QUESTION}`);
    expect(confirm[0].card!.inputs.map((i) => i.id)).toContain('question');
    expect(h.outputs.filter((o) => o.channel === 'noord' && !o.private && o.card?.title?.includes('Vraag aan het netwerk'))).toEqual([]);

    // 3. Posted by name: a card in the channel tagging the knower (not carla, not the asker).
    const posted = await h.press('anna', { channel: 'noord' }, buttonOf(confirm, 'Plaats met mijn naam'));
    const questionCard = posted.find((o) => o.channel === 'noord' && !o.private)!;
    expect(questionCard.card!.title).toBe('🙋 Vraag aan het netwerk #1');
    expect(questionCard.text).toContain(UNKNOWN_QUESTION);
    expect(questionCard.text).toContain('@bram');
    expect(questionCard.text).not.toContain('@carla');
    expect(questionCard.text).toContain('Gevraagd door @anna');
    expect(posted.find((o) => o.private && o.to === 'anna')!.text).toContain('vraag #1');
    // A second press does not post twice.
    const again = await h.press('anna', { channel: 'noord' }, buttonOf(confirm, 'Plaats met mijn naam'));
    expect(again).toHaveLength(1);
    expect(again[0].text).toContain('niet twee keer');

    // 4. Bram answers in the thread; Anna gets it by DM with "Opgelost".
    const reply = await h.say('bram', 'noord', NETWORK_ANSWER, questionCard.id);
    const dm = reply.find((o) => o.dm && o.to === 'anna')!;
    expect(dm.card!.title).toContain('#1');
    expect(dm.text).toContain('Menzis meestal binnen vijf werkdagen');
    expect(reply.find((o) => o.private && o.to === 'bram')!.text).toContain('doorgestuurd');

    // 5. Someone else may not resolve it; Anna may, once.
    const notAllowed = await h.press('carla', { channel: 'noord' }, buttonOf([questionCard], 'peers.resolve'));
    expect(notAllowed[0].text).toContain('Alleen wie de vraag stelde');
    const resolved = await h.press('anna', { dm: true }, buttonOf([dm], 'peers.resolve'));
    const update = resolved.find((o) => o.update && o.id === questionCard.id)!;
    expect(update.text).toContain('Opgelost, met 1 antwoord');
    expect(update.card!.buttons).toEqual([]);
    expect(resolved.find((o) => o.to === 'anna')!.text).toContain('concept 1');
    const twice = await h.press('fleur', { channel: 'noord' }, buttonOf([questionCard], 'peers.resolve'));
    expect(twice[0].text).toContain('was al opgelost');
    // Answering a resolved question: nothing is forwarded.
    const late = await h.say('carla', 'noord', 'Nog een tip: bel op maandag.', questionCard.id);
    expect(late.filter((o) => o.dm)).toEqual([]);
    expect(late[0].text).toContain('al opgelost');

    // 6. The draft: the question as first phrasing, the answer, a network source not yet checked.
    const drafts = await listDrafts(h.app.store);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ number: 1, question: UNKNOWN_QUESTION, networkName: 'Noord' });
    expect(drafts[0].topics).toEqual(expect.arrayContaining(['pgb', 'zorgkantoor']));
  });

  it('shows the draft as a card file on the command line, and after review the next asker gets the network answer with its source', async () => {
    h = await createHarness({ start: '2026-11-18T10:00:00+01:00', features: peersFeatures });
    await networkWithKnower(h);
    const refusal = await h.say('anna', 'noord', `wegwijs ${UNKNOWN_QUESTION}`);
    const confirm = await h.press('anna', { channel: 'noord' }, buttonOf(refusal, 'peers.ask'));
    const posted = await h.press('anna', { channel: 'noord' }, buttonOf(confirm, 'Plaats anoniem'));
    const questionCard = posted.find((o) => o.channel === 'noord' && !o.private)!;
    expect(questionCard.text).toContain('Anoniem gevraagd');
    expect(questionCard.text).not.toContain('anna');
    await h.say('bram', 'noord', NETWORK_ANSWER, questionCard.id);
    const closed = await h.press('fleur', { channel: 'noord' }, buttonOf([questionCard], 'peers.resolve'));
    // A facilitator closed it: the asker is told by DM.
    expect(closed.find((o) => o.dm && o.to === 'anna')!.text).toContain('heeft je vraag #1');
    const dataDir = h.dataDir;

    const list = await runInProcess(['kb', 'drafts'], { env: { WEGWIJS_DATA_DIR: dataDir } });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Noord');
    const shown = await runInProcess(['kb', 'draft', '1'], { env: { WEGWIJS_DATA_DIR: dataDir } });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/questions:\n {2}- Hoe snel reageert het zorgkantoor Menzis op een pgb vraag\?/);
    expect(shown.stdout).toContain('kind: network');
    expect(shown.stdout).toContain('ervaringskennis, niet gecontroleerd');
    expect(shown.stdout).toContain('Menzis meestal binnen vijf werkdagen');
    await h.close();
    h = undefined;

    // A curator promotes it without a review: `kb check` refuses it; the bot marks the answer.
    const temp = tempDir();
    temps.push(temp);
    const unreviewed = knowledgeWithPromotedCard(temp.dir, { question: UNKNOWN_QUESTION, answer: NETWORK_ANSWER, reviewed: false });
    const check = await runInProcess(['kb', 'check'], { env: { WEGWIJS_DATA_DIR: dataDir, WEGWIJS_KNOWLEDGE_DIR: unreviewed } });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('reviewed_by');
    h = await createHarness({ dataDir, env: { WEGWIJS_KNOWLEDGE_DIR: unreviewed }, start: '2026-11-23T10:00:00+01:00' });
    const marked = await h.dm('daan', UNKNOWN_QUESTION);
    expect(allText(marked)).toContain('Uit het netwerk, nog niet gecontroleerd');
    await h.close();
    h = undefined;

    // Reviewed: accepted, and the next asker gets the answer with its network source.
    const temp2 = tempDir();
    temps.push(temp2);
    const reviewed = knowledgeWithPromotedCard(temp2.dir, { question: UNKNOWN_QUESTION, answer: NETWORK_ANSWER, reviewed: true });
    const ok = await runInProcess(['kb', 'check'], { env: { WEGWIJS_DATA_DIR: dataDir, WEGWIJS_KNOWLEDGE_DIR: reviewed } });
    expect(ok.code).toBe(0);
    h = await createHarness({ dataDir, env: { WEGWIJS_KNOWLEDGE_DIR: reviewed }, start: '2026-11-23T10:00:00+01:00' });
    const answer = await h.dm('daan', UNKNOWN_QUESTION);
    const text = allText(answer);
    expect(text).toContain('binnen vijf werkdagen');
    expect(text).toContain('Lerend netwerk Noord, ervaringskennis uit het netwerk');
    expect(text).not.toContain('nog niet gecontroleerd');
  });
});
