/**
 * The actions feature: members log actions, update them with buttons or commands, and every week
 * the network gets a progress nudge (wins first, never a ranking). Also offers the action-log port
 * so agreements from a deliberation become actions.
 */
import type { Feature, Services } from '../core/index.ts';
import { statusButton, submitForm } from './buttons.ts';
import { myUpdate, submitThought, submitUpdate, thinkAlong } from './nudge-buttons.ts';
import { addActionsFor } from './agreements.ts';
import { exportCommand, listCommand, mineCommand } from './lists.ts';
import { actionCommand } from './new-action.ts';
import { previewCommand } from './preview.ts';
import { consoleActionsPort } from './console-port.ts';
import { exportActionsUser, forgetActionsUser } from './privacy.ts';
import { runDueNudges } from './scheduler.ts';
import { readState } from './nudge.ts';

export { parseDueDate, splitDue } from './due-date.ts';
export { choosePair, recordPair, emptyHistory, type PairHistory } from './pairs.ts';
export { dueSlot } from './scheduler.ts';

/** Builds the feature and registers `services.ports.actionLog`. */
export function createActionsFeature(services: Services): Feature {
  services.ports.consoleActions = consoleActionsPort(services);
  services.ports.actionLog = { addActions: (channel, items, by, source) => addActionsFor(services, channel, items, by, source) };
  services.ports.nudgeStatus = {
    status: async (networkId) => {
      const { lastNudgeAt, deliveryIssue } = await readState(services, networkId);
      return { lastNudgeAt, deliveryIssue };
    },
  };
  return {
    name: 'actions',
    commands: [
      { names: ['actie', 'action'], usage: 'actions.usage_args', summaryKey: 'actions.summary.action', handler: actionCommand },
      { names: ['acties', 'actions'], summaryKey: 'actions.summary.list', handler: (turn) => listCommand(turn) },
      { names: ['mijn acties', 'my actions'], summaryKey: 'actions.summary.mine', handler: (turn) => mineCommand(turn) },
      { names: ['export'], summaryKey: 'actions.summary.export', handler: (turn) => exportCommand(turn) },
      { names: ['nudge voorbeeld', 'nudge preview'], summaryKey: 'actions.summary.preview', handler: (turn) => previewCommand(turn) },
    ],
    actions: {
      create: submitForm,
      done: statusButton('done'),
      progress: statusButton('progress'),
      stuck: statusButton('stuck'),
      later: statusButton('later'),
      update: myUpdate,
      update_submit: submitUpdate,
      think: thinkAlong,
      think_submit: submitThought,
    },
    tick: (now) => runDueNudges(services, now),
    exportUser: (subject, view) => exportActionsUser(services, subject, view),
    forgetUser: (subject) => forgetActionsUser(services, subject),
  };
}
