/** `wegwijs acties`, `mijn acties` and `export` (CSV for Dutch Excel). */
import { type Turn, localDate } from '../core/index.ts';
import { toCsv } from './csv.ts';
import { actions, isFacilitator, OPEN, type Action } from './model.ts';
import { actionLine } from './render.ts';
import { requireNetwork } from './network-guard.ts';

export async function listCommand(turn: Turn): Promise<void> {
  const network = await requireNetwork(turn, { allowStopped: true });
  if (!network) return;
  const open = (await actions(turn.services).list({ pk: network.id })).map((d) => d.data).filter((a) => OPEN.includes(a.status));
  if (!open.length) return void (await turn.reply({ text: turn.t('actions.list.empty', { bot: turn.services.config.botName }) }));
  open.sort((a, b) => a.number - b.number);
  const lines = [`**${turn.t('actions.list.title', { network: network.name, count: open.length })}**`, ...open.map((a) => actionLine(turn.t.bind(turn), turn.lang, a))];
  await turn.reply({ text: lines.join('\n') });
}

export async function mineCommand(turn: Turn): Promise<void> {
  const { services, message } = turn;
  // The tenant is part of the query: the same user id in another tenant reads nothing of this one.
  const mine = (await actions(services).list({ where: { ownerId: message.user.id, platform: message.platform, tenantId: message.tenantId } }))
    .map((d) => d.data)
    .filter((a) => a.platform === message.platform && a.tenantId === message.tenantId && OPEN.includes(a.status));
  let reply: string;
  if (!mine.length) reply = turn.t('actions.mine.empty');
  else {
    const byNetwork = new Map<string, Action[]>();
    for (const a of mine) byNetwork.set(a.networkId, [...(byNetwork.get(a.networkId) ?? []), a]);
    const lines = [`**${turn.t('actions.mine.title', { count: mine.length })}**`];
    for (const [id, list] of byNetwork) {
      const network = await services.store.networks.get(id, id);
      lines.push('', `_${network?.data.name ?? id}_`, ...list.sort((a, b) => a.number - b.number).map((a) => actionLine(turn.t.bind(turn), turn.lang, a, false)));
    }
    reply = lines.join('\n');
  }
  if (message.isDirect) await turn.reply({ text: reply });
  else await turn.sendDirect({ text: reply });
}

export async function exportCommand(turn: Turn): Promise<void> {
  const network = await requireNetwork(turn, { allowStopped: true });
  if (!network) return;
  if (!isFacilitator(network, turn.user.id)) return void (await turn.replyPrivately({ text: turn.t('actions.error.facilitator_command') }));
  const all = (await actions(turn.services).list({ pk: network.id })).map((d) => d.data).sort((a, b) => a.number - b.number);
  // Headers and status words in the network's language; `;` and a BOM so Excel opens it as is.
  const t = turn.services.catalog.translator(network.language);
  const rows = all.map((a) => {
    const last = a.notes[a.notes.length - 1];
    return [a.number, a.title, a.ownerName, t(`actions.status.${a.status}`), a.due, localDate(new Date(a.createdAt), network.timeZone), localDate(new Date(a.updatedAt), network.timeZone), last?.text];
  });
  const header = ['number', 'title', 'owner', 'status', 'due', 'created', 'updated', 'last_note'].map((c) => t(`actions.csv.${c}`));
  const csv = toCsv([header, ...rows], { separator: ';', bom: true }).replace(/```/g, "'''");
  await turn.replyPrivately({ text: `${turn.t('actions.export.intro', { network: network.name, count: all.length })}\n\`\`\`csv\n${csv}\n\`\`\`` });
}
