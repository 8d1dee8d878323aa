/**
 * The one redaction pass at the edge of the core: every free text of an incoming message (the
 * text, a card's input values, string values on a button, the channel's name) is redacted before
 * the message is routed, so no feature ever sees the raw text. Ids (user, channel, thread,
 * message, action) and the platform's names of people (the sender, mentions) are not free text.
 */
import { guessLanguage } from '../core/i18n.ts';
import type { IncomingMessage } from '../core/message.ts';
import { ORDER, redactIn, type PersonalDataKind } from './index.ts';

export interface RedactedIncoming {
  message: IncomingMessage;
  /** Kinds of personal data found anywhere in the message, each once. */
  found: PersonalDataKind[];
}

/**
 * A mention whose id or name is gone from the redacted text was part of personal data: the
 * console reads "k.visser@example.nl" as a mention of "example.nl". It is dropped with the text.
 */
function stillMentioned(text: string, mention: { id: string; name: string }): boolean {
  const lower = text.toLowerCase();
  return [mention.id, mention.name].some((s) => s.trim().length > 0 && lower.includes(s.trim().toLowerCase()));
}


/**
 * The placeholders' language, from the message's own words (its text and typed inputs together):
 * the network's language is not known yet at the edge, and what people write in an English network
 * is English. Dutch when the words do not say (short texts), as before.
 */
function placeholderLanguage(message: IncomingMessage): 'nl' | 'en' {
  const typed = Object.values(message.action?.inputs ?? {}).filter((v): v is string => typeof v === 'string');
  return guessLanguage([message.text, ...typed].join('\n')) === 'en' ? 'en' : 'nl';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A hex id with a letter in it (a hash, "q-3f2a…"): a BSN or phone number has no letters. */
const HEX_ID = /^(?:[a-z]{1,12}[-:])?(?=[0-9a-f]*[a-f])[0-9a-f]{8,64}$/i;

/** An identifier the bot itself puts in a button: a UUID or a hex hash. */
export function isMachineId(value: string): boolean {
  return UUID.test(value) || HEX_ID.test(value);
}

export function redactIncoming(message: IncomingMessage, now: Date): RedactedIncoming {
  const found = new Set<PersonalDataKind>();
  // The sender and the people mentioned are colleagues on the platform: their names stay.
  // Their ids too: Slack's "@U024BE7LH" is a mention, not a social-media handle.
  const keepNames = [message.user.name, ...message.mentions.flatMap((m) => [m.name, m.id])].filter(Boolean);
  let lang: 'nl' | 'en' | undefined;
  const language = () => (lang ??= placeholderLanguage(message));
  const clean = (text: string): string => {
    const r = redactIn(text, now, { keepNames }, language);
    r.found.forEach((k) => found.add(k));
    return r.text;
  };
  // Keys too: a forged payload can put text where a field's id belongs ({"Jan de Vries, BSN …": "x"}).
  // A button's value carries the bot's own ids (a UUID, a hash): digit runs inside them are no
  // BSN or phone number, and redacting them would break the button. Typed inputs are always redacted.
  const mapRecord = <T>(record: Record<string, T> | undefined, keepIds = false): Record<string, T> | undefined =>
    record &&
    Object.assign(
      Object.create(null) as Record<string, T>,
      Object.fromEntries(Object.entries(record).map(([k, v]) => [clean(k), (typeof v === 'string' ? (keepIds && isMachineId(v) ? v : clean(v)) : v) as T])),
    );
  const action = message.action && { ...message.action, value: mapRecord(message.action.value, true), inputs: mapRecord(message.action.inputs) };
  if (action && action.value === undefined) delete action.value;
  if (action && action.inputs === undefined) delete action.inputs;
  const text = clean(message.text);
  const redacted: IncomingMessage = {
    ...message,
    text,
    mentions: message.mentions.filter((m) => stillMentioned(text, m)),
    ...(message.channelName !== undefined ? { channelName: clean(message.channelName) } : {}),
    ...(action ? { action } : {}),
  };
  return { message: redacted, found: ORDER.filter((k) => found.has(k)) };
}
