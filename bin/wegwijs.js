#!/usr/bin/env node
// The `wegwijs` command: the compiled JavaScript in dist/ (see runtime.js for when it runs the
// sources instead).
import v8 from 'node:v8';
import { load } from './runtime.js';

// Regular expressions compiled straight to machine code, once, instead of to bytecode first and
// again to machine code when they run often: the ~700 refusal patterns are compiled on a
// process's first question, and compiling them twice cost a one-shot `wegwijs ask` ~90 ms of its
// ~830 ms (2 Dec 2026). Read when a pattern is first run, so it is set before anything loads.
v8.setFlagsFromString('--no-regexp-tier-up');

const { main } = await load('app/cli');
process.exitCode = await main(process.argv.slice(2));
