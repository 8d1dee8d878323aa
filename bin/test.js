#!/usr/bin/env node
// `npm test`: the type check (`npm run typecheck`) and the tests (`vitest run`, with any
// arguments given after `--`) side by side instead of one after the other. tsc runs on one core;
// while it ran alone the other core stood idle (4 s on a warm incremental cache, 15 s on a fresh
// clone). Its output is printed when it ends; a type error stops the tests and fails the run, as
// before; otherwise the run fails when a test fails.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let output = '';
const typecheck = spawn(npm, ['run', '--silent', 'typecheck'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
typecheck.stdout.on('data', (d) => (output += d));
typecheck.stderr.on('data', (d) => (output += d));

// vitest's command (its package's `bin`), run by this Node.
const vitestBin = join(dirname(require.resolve('vitest/package.json')), require('vitest/package.json').bin.vitest);
// A second reporter writes the run's result to a file: a run whose main process died (one full run
// ended without vitest's summary, yet exited 0) leaves none, and then fails here.
const resultFile = join(ROOT, 'node_modules', '.cache', 'wegwijs', 'vitest-result.json');
rmSync(resultFile, { force: true });
const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${resultFile}`];
const vitest = spawn(process.execPath, [vitestBin, 'run', ...reporters, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
const exited = (child) => new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
const tests = exited(vitest);

const typeCode = await exited(typecheck);
if (typeCode !== 0) {
  vitest.kill('SIGTERM');
  await tests;
  process.stderr.write(`${output}\nnpm test: the type check failed (npm run typecheck); the tests were stopped.\n`);
  process.exitCode = typeCode;
} else {
  if (output.trim()) process.stdout.write(output);
  process.exitCode = await tests;
  if (process.exitCode === 0 && !completed(resultFile)) {
    process.stderr.write('npm test: vitest ended without a result (a crashed run); failing.\n');
    process.exitCode = 1;
  }
}

/** Whether vitest wrote a result for the run, with every test file finished and none failed. */
function completed(file) {
  try {
    const result = JSON.parse(readFileSync(file, 'utf8'));
    return result.success === true && result.numTotalTestSuites > 0;
  } catch {
    return false;
  }
}
