#!/usr/bin/env node
/**
 * Summarises a V8 .cpuprofile (from `BENCH_CPU_PROF=DIR npm run bench -- slack`): self time by
 * function and by file or package, and total (inclusive) time by function, skipping the first
 * `--skip MS` of the profile (start-up). Usage:
 *   node bench/lib/profile-summary.mjs FILE.cpuprofile [--skip 1500] [--top 40] [--match TEXT]
 * `--match` prints, for the functions whose name or file contains TEXT, their inclusive time.
 */
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const file = args[0];
const skipMs = Number(option('--skip', 1500));
const top = Number(option('--top', 40));
const match = option('--match', undefined);

const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const short = (url) => {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const i = url.indexOf('/dist/');
  if (i >= 0) return url.slice(i + 6);
  return url.replace(/^file:\/\//, '').replace(/^node:/, 'node:');
};
const label = (n) => `${n.callFrame.functionName || '(anon)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const self = new Map();
const byFile = new Map();
const inclusive = new Map();
let total = 0;
let t = profile.startTime;
const start = profile.startTime + skipMs * 1000;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  if (t < start) continue;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const node = byId.get(profile.samples[i]);
  const name = node.callFrame.functionName;
  if (name === '(idle)') continue;
  total += dt;
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  const f = ['(garbage collector)', '(program)'].includes(name) ? name : short(node.callFrame.url);
  byFile.set(f, (byFile.get(f) ?? 0) + dt);
  const seen = new Set();
  for (let id = node.id; id !== undefined; id = parent.get(id)) {
    const l = label(byId.get(id));
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
  }
}

const print = (title, map, n = top, filter = () => true) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  }
};
console.log(`busy ${total.toFixed(0)} ms after the first ${skipMs} ms`);
print('self time by file or package', byFile, 30);
print('self time by function', self);
print('inclusive time by function', inclusive, top, match ? (k) => k.includes(match) : () => true);
