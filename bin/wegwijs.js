#!/usr/bin/env node
// The `wegwijs` command: the compiled JavaScript in dist/ (see runtime.js for when it runs the
// sources instead).
import { load } from './runtime.js';

const { main } = await load('app/cli');
process.exitCode = await main(process.argv.slice(2));
