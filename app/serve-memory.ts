/**
 * Start-up memory of `wegwijs serve` (issue #13: idle RSS < 120 MB).
 *
 * Nearly everything a start allocates stays alive (modules, cards, the search index, the compiled
 * refusal rules), and V8 doubles its young generation whenever much survives: by the time the
 * server listens it has grown to its maximum (2 × 16 MB) although nothing needs it at idle, and
 * start-up garbage is still spread over old-space pages. V8's memory reducer would give both back,
 * but only after some 25 s of quiet. So: the young generation keeps its initial size while the
 * server starts (`holdYoungGeneration`, before the server's modules load), and once everything is
 * loaded a full collection runs and the young generation may grow again under load
 * (`settleStartupMemory`, right after the server listens). Idle RSS went from ~153 to ~115 MB;
 * CPU per answer under load is unchanged (README, Performance).
 *
 * Both only change V8 flags that are read at run time; a flag set on the command line or in
 * NODE_OPTIONS (`--semi-space-growth-factor`, `--expose-gc`) is left as it is.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's default growth factor of the young generation. */
const DEFAULT_GROWTH = 2;

let held = false;

function flagGiven(name: string): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) => arg.replace(/_/g, '-').startsWith(name));
}

/** Keeps the young generation at its size from now until `settleStartupMemory`. */
export function holdYoungGeneration(): void {
  if (held || flagGiven('--semi-space-growth-factor')) return;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  held = true;
}

/**
 * Lets the young generation grow again and collects start-up garbage (two full collections: the
 * second frees what the first only unlinked, e.g. old-space pages left nearly empty). ~40 ms once.
 */
export function settleStartupMemory(): void {
  if (held) {
    v8.setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH}`);
    held = false;
  }
  const gc = fullGc();
  gc();
  gc();
}

/** V8's `gc()`, from a context of its own: the global `gc` stays undefined unless --expose-gc was given. */
function fullGc(): () => void {
  const global = (globalThis as { gc?: () => void }).gc;
  if (global) return global;
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  v8.setFlagsFromString('--no-expose-gc');
  return gc;
}
