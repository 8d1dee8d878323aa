/**
 * Runs the real `wegwijs` command as a separate process, the way a user or CI would
 * (`runCli`), or its `main` inside the test process (`runInProcess`, much quicker).
 */
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/wegwijs.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON lines (lines that are not JSON are skipped). */
  lines: Record<string, unknown>[];
}

export function runCli(args: string[], options: { input?: string; env?: Record<string, string>; timeoutMs?: number; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      cwd: options.cwd,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, lines: jsonLines(stdout) });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** JSON lines for `wegwijs chat --script -`. */
export const script = (...lines: object[]): string => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

/**
 * The same command, run inside the test process (`main` of app/cli.ts) with its own environment,
 * standard input and captured output: no process start, no TypeScript compile, so a test that
 * only needs what the command prints and stores runs in milliseconds. Not for tests about
 * processes themselves (concurrency between processes, signals, start-up of the binary): those
 * keep `runCli`. Calls run one at a time (the environment and the streams are the process's).
 */
export async function runInProcess(args: string[], options: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  const previous = inProcess;
  let release!: () => void;
  inProcess = new Promise<void>((resolve) => (release = resolve));
  await previous;
  const { main } = await import('../../app/cli.ts');
  const savedEnv = process.env;
  const stdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  const writes = { out: process.stdout.write, err: process.stderr.write };
  let stdout = '';
  let stderr = '';
  process.env = { PATH: savedEnv.PATH ?? '', HOME: savedEnv.HOME ?? '', LOG_LEVEL: 'silent', ...options.env };
  Object.defineProperty(process, 'stdin', { value: Readable.from([options.input ?? '']), configurable: true });
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  let code: number | null;
  try {
    code = await main(args);
  } catch (err) {
    stderr += `${(err as Error).stack ?? String(err)}\n`;
    code = 1;
  } finally {
    process.env = savedEnv;
    Object.defineProperty(process, 'stdin', stdin);
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    release();
  }
  return { code, stdout, stderr, lines: jsonLines(stdout) };
}

let inProcess: Promise<void> = Promise.resolve();

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}
