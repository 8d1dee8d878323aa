/**
 * The one coded-error base class, in a leaf module that imports nothing, so that every layer
 * (config, store, core, features, adapters) can extend it without depending on another layer.
 * Codes are stable strings (as Bolt does), so logs and the one error handler in the Bot tell
 * errors apart without parsing messages. `userKey` is an optional catalogue key: the handler
 * shows that text instead of the general apology (never the message, which may hold details).
 */
export type ErrorCode =
  | 'wegwijs_feature_error'
  | 'wegwijs_store_conflict'
  | 'wegwijs_store_error'
  | 'wegwijs_not_found'
  | 'wegwijs_forbidden'
  | 'wegwijs_bad_input'
  | 'wegwijs_delivery_error'
  | 'wegwijs_llm_error'
  | 'wegwijs_config_error'
  | 'wegwijs_knowledge_error'
  | 'wegwijs_inbox_unavailable'
  // A unit may add its own, as long as it keeps the prefix.
  | `wegwijs_${string}`;

export interface WegwijsErrorOptions {
  cause?: unknown;
  /** Catalogue key of what the user is told (defaults to the general apology). */
  userKey?: string;
}

export class WegwijsError extends Error {
  readonly userKey?: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: WegwijsErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.userKey = options.userKey;
  }
}

/** The stable code of any error: ours, a library's own `code`, or `wegwijs_unexpected_error`. */
export function errorCode(err: unknown): string {
  if (err instanceof WegwijsError) return err.code;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return 'wegwijs_unexpected_error';
}

/** The catalogue key to show for an error, when it names one. */
export function userMessageKey(err: unknown): string | undefined {
  return err instanceof WegwijsError ? err.userKey : undefined;
}
