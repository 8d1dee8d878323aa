/**
 * Ideas (crazy eight): a facilitator runs a crazy eight for a case that is stuck. Everyone writes
 * up to eight ideas privately in eight minutes; the bot shows them together, collects scores for
 * effort and impact, draws the impact matrix and turns the chosen ideas into actions (through the
 * action log's port). The method is data: `prompts/ideas/crazy-eight.yaml`.
 * Entry word: `wegwijs crazy eight start [met namen] [casus]`; `wegwijs beraad start crazy-eight`
 * arrives here too (through the `ideaSessions` port). Public entry: `createIdeasFeature`.
 */
import { join } from 'node:path';
import { DEFAULT_PROMPTS_DIR, fewWords, type Feature, type Services } from '../core/index.ts';
import { defineKind } from '../store/index.ts';
import { ideaButtons } from './buttons.ts';
import type { Ctx } from './context.ts';
import { ideasTick } from './flow.ts';
import { exportIdeasUser, forgetIdeasUser } from './privacy.ts';
import { IdeaSessionSchema, loadMethod } from './session.ts';
import { ideasCommand, ownsIdeaThread, startSession, startsSession, threadMessage } from './typed.ts';

const KIND = defineKind('ideasession', { owner: 'ideas', partition: 'network', about: 'crazy eight sessions: the case and ideas (redacted), scores, choices' });

export function createIdeasFeature(services: Services, options: { methodFile?: string } = {}): Feature {
  const file = options.methodFile ?? join(services.config.promptsDir ?? DEFAULT_PROMPTS_DIR, 'ideas', 'crazy-eight.yaml');
  const ctx: Ctx = { services, method: loadMethod(file), sessions: services.store.collection(KIND, IdeaSessionSchema) };
  services.ports.ideaSessions = {
    method: { id: ctx.method.id, name: ctx.method.name, summary: ctx.method.summary, minutes: ctx.method.writing_minutes },
    start: (turn, args) => startSession(ctx, turn, args),
  };
  return {
    name: 'ideas',
    commands: [
      {
        names: ['crazy eight', 'crazy-eight', 'crazy 8', 'crazy8'],
        usage: 'ideas.usage_args',
        summaryKey: 'ideas.summary',
        handler: (turn, args) => ideasCommand(ctx, turn, args),
        // "crazy eight", "crazy eight start [met namen] <casus>"; another sentence is a question about the method.
        accepts: (args) => fewWords(args) || startsSession(args),
      },
    ],
    actions: ideaButtons(ctx),
    ownsThread: (turn) => ownsIdeaThread(ctx, turn),
    threadMessage: (turn) => threadMessage(ctx, turn),
    tick: (now) => ideasTick(ctx, now),
    exportUser: (subject, view) => exportIdeasUser(ctx, subject, view),
    forgetUser: (subject) => forgetIdeasUser(ctx, subject),
  };
}
