/**
 * The incoming-message model: what every adapter turns a platform event into. Validated with zod
 * at the edge (adapters call `parseIncoming`), trusted inside.
 */
import { z } from 'zod';

export const PlatformSchema = z.enum(['console', 'teams', 'slack']);
export type Platform = z.infer<typeof PlatformSchema>;

/** Keys that would reach an object's prototype chain; no record from outside may carry them. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Limits of what the edge accepts (the platforms' own limits are smaller; these only bound memory). */
export const LIMITS = {
  /** A message text; the bot answers anything over `MAX_MESSAGE_CHARS` with "too long". */
  textChars: 100_000,
  /** A value on a button: ids, numbers, short codes. */
  valueChars: 1_000,
  /** A form field typed by a person (titles, notes, dates). */
  inputChars: 4_000,
  recordKeys: 32,
  keyChars: 64,
  mentions: 50,
} as const;

/**
 * How deep a platform's JSON may nest. Slack's and Teams' own payloads stay far below it (a rich
 * text block in a message event is about ten levels); deeper input is refused at the edge, since
 * code that walks or copies a value (serialising it into the inbox, zod, the SDKs) recurses and
 * would fail with a stack overflow, a 500, for every retry of the same request.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests objects and arrays deeper than `max`: one pass over the text, outside
 * strings, without parsing it (so without recursion, whatever the input). Damaged JSON is left to
 * the parser that reads it next.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * The path of the first prototype key (`__proto__`, `constructor`, `prototype`) anywhere in a
 * parsed JSON value, or undefined. Checked before zod, whose record parsing trips over a
 * `constructor` key that is not a function.
 */
export function findPrototypeKey(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) return [...path, key].join('.');
    const found = findPrototypeKey((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A record from outside: bounded keys and size, prototype keys refused before zod looks inside. */
function safeRecord<T extends z.ZodType>(value: T) {
  return z
    .unknown()
    .superRefine((v, ctx) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
      const keys = Object.keys(v);
      const bad = keys.find((k) => PROTOTYPE_KEYS.has(k));
      if (bad) ctx.addIssue({ code: 'custom', message: `the key "${bad}" is not allowed`, path: [bad] });
      else if (keys.length > LIMITS.recordKeys) ctx.addIssue({ code: 'custom', message: `at most ${LIMITS.recordKeys} keys` });
    })
    .pipe(z.record(z.string().min(1).max(LIMITS.keyChars), value))
    // Without a prototype, a lookup by any key a payload names finds only what the payload sent.
    .transform((record) => Object.assign(Object.create(null) as typeof record, record));
}

export const UserSchema = z.object({
  // User ids become keys of stored records (pairs, counters): never one that names a prototype.
  id: z.string().min(1).max(256).refine((id) => !PROTOTYPE_KEYS.has(id), 'this id is not allowed'),
  name: z.string().max(256).default(''),
});
export type ChatUser = z.infer<typeof UserSchema>;

const ActionValueSchema = safeRecord(z.union([z.string().max(LIMITS.valueChars), z.number(), z.boolean(), z.null()]));

export const IncomingActionSchema = z.object({
  id: z.string().min(1).max(200),
  value: ActionValueSchema.optional(),
  /** Values of the card's inputs at the moment the button was pressed. */
  inputs: safeRecord(z.string().max(LIMITS.inputChars)).optional(),
  /** The message the button was on, so the core can update that card in place. */
  messageId: z.string().max(512).optional(),
});
export type IncomingAction = z.infer<typeof IncomingActionSchema>;

export const IncomingMessageSchema = z.object({
  platform: PlatformSchema,
  /** Microsoft 365 tenant, Slack workspace (team) id, or "local" for the console. */
  tenantId: z.string().min(1).max(256),
  channelId: z.string().min(1).max(512),
  channelName: z.string().max(256).optional(),
  threadId: z.string().max(512).optional(),
  messageId: z.string().max(512).optional(),
  user: UserSchema,
  text: z.string().max(LIMITS.textChars).default(''),
  mentions: z.array(UserSchema).max(LIMITS.mentions).default([]),
  /** True when the bot was @-mentioned or the text starts with the entry word. */
  addressedToBot: z.boolean().default(false),
  isDirect: z.boolean().default(false),
  action: IncomingActionSchema.optional(),
  locale: z.string().max(35).optional(),
  /** The text is a question for the bot as it stands, never a command (e.g. a message someone asked Wegwijs about). */
  asQuestion: z.boolean().optional(),
  /** Opaque platform data an adapter may need again for this turn (e.g. a Slack trigger id). */
  platformData: z.unknown().optional(),
});
export type IncomingMessage = z.infer<typeof IncomingMessageSchema>;

/** Parses an incoming message; throws a ZodError (never a TypeError) on anything malformed. */
export function parseIncoming(raw: unknown): IncomingMessage {
  return IncomingMessageSchema.parse(raw);
}

/** Where the bot can post later: stored for every channel, chat and DM the bot has seen. */
export interface ConversationRef {
  platform: Platform;
  tenantId: string;
  channelId: string;
  name?: string;
  isDirect: boolean;
  /** For direct conversations: the user on the other side. */
  userId?: string;
  /** Platform detail needed to post proactively (Teams serviceUrl and reference). */
  platformRef?: Record<string, unknown>;
  dead?: boolean;
}

