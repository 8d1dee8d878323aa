#!/usr/bin/env node
// The `wegwijs` command. Runs the TypeScript sources through tsx so that `npx wegwijs …`
// works straight after `npm ci`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/cli.ts');
process.exitCode = await main(process.argv.slice(2));
