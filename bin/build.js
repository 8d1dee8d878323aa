#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci` builds): compiles the sources to dist/.
// With --if-possible it does nothing when TypeScript is not installed (`npm ci --omit=dev`).
import { build } from './runtime.js';

const ifPossible = process.argv.includes('--if-possible');
if (!build()) {
  if (!ifPossible) {
    console.error('wegwijs build: TypeScript is not installed; run `npm ci` first');
    process.exitCode = 1;
  }
}
