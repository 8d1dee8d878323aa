/**
 * Errors with stable string codes (as Bolt does), so logs and the one error handler can tell them
 * apart without parsing messages.
 */
export type ErrorCode =
  | 'wegwijs_feature_error'
  | 'wegwijs_store_conflict'
  | 'wegwijs_store_error'
  | 'wegwijs_not_found'
  | 'wegwijs_forbidden'
  | 'wegwijs_bad_input'
  | 'wegwijs_delivery_error'
  | 'wegwijs_llm_error';

export class WegwijsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WegwijsError';
  }
}

export function errorCode(err: unknown): string {
  if (err instanceof WegwijsError) return err.code;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return 'wegwijs_unexpected_error';
}
