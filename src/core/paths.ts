/**
 * Where the data folders live by default: in the installation root (the folder with
 * package.json, knowledge/ and prompts/), whether this file runs from the sources
 * (src/core/paths.ts) or compiled (dist/src/core/paths.js), whatever the working directory.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this file that holds package.json and prompts/. */
function installationRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here, up = dirname(dir); ; dir = up, up = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'prompts'))) return dir;
    // Reached the file system root: fall back to the sources' layout (two levels up).
    if (up === dir) return join(here, '..', '..');
  }
}

export const REPO_ROOT = `${installationRoot()}/`;
export const DEFAULT_PROMPTS_DIR = join(REPO_ROOT, 'prompts/');
export const DEFAULT_KNOWLEDGE_DIR = join(REPO_ROOT, 'knowledge/');
