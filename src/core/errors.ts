/**
 * Errors with stable string codes. The base class lives in the leaf module `src/errors.ts`, so
 * that the store and the configuration, which import nothing from the core, extend it too; the
 * core re-exports it as part of its public entry.
 */
export { WegwijsError, errorCode, userMessageKey, type ErrorCode, type WegwijsErrorOptions } from '../errors.ts';
