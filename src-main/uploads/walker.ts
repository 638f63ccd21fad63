import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import type { FileIdentity } from './checkpointStore.ts';

/** OS clutter that is never uploaded. */
const SKIPPED_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

export function isSkippedName(name: string): boolean {
  return SKIPPED_NAMES.has(name.toLowerCase());
}

export interface WalkedFile {
  /** Absolute path on disk. */
  path: string;
  /** Path inside what was dropped (`Folder/sub/file.txt`; just the name for a dropped file). */
  relative: string;
  size: number;
  /** As stat saw it during the walk: the first upload attempt starts from this (one stat fewer per file). */
  identity: FileIdentity;
}

export interface WalkProblem {
  path: string;
  relative: string;
  /** `unreadable` (a folder Ferry may not list), `missing` (gone), `notAFile` (device, socket…). */
  reason: 'unreadable' | 'missing' | 'notAFile';
}

export interface WalkResult {
  files: WalkedFile[];
  problems: WalkProblem[];
}

function reasonOf(error: unknown): WalkProblem['reason'] {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
}

function within(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** What the walk finds, in order: a file to upload or an entry that cannot be. */
export type Walked = ({ kind: 'file' } & WalkedFile) | ({ kind: 'problem' } & WalkProblem);

/**
 * Expands dropped paths into files, as it goes: each folder is read when the walk reaches it, so the
 * first files can be queued (and sent) while the rest of a big folder is still being walked. Folders
 * are walked recursively keeping relative paths (under the folder's own name); a symlink is followed
 * only if it stays inside the dropped tree (and each real directory is visited once); unreadable
 * entries become problems while the rest continue.
 */
export async function* walkEntries(inputs: readonly string[]): AsyncGenerator<Walked> {
  for (const input of inputs) {
    const absolute = path.resolve(input);
    const name = path.basename(absolute);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      yield problem(absolute, name, reasonOf(error));
      continue;
    }
    if (stat.isDirectory()) {
      let root: string;
      try {
        root = await fs.realpath(absolute);
      } catch (error) {
        yield problem(absolute, name, reasonOf(error));
        continue;
      }
      yield* walkDir(absolute, name, root, new Set([root]));
    } else if (stat.isFile()) {
      if (isSkippedName(name)) continue;
      yield file(absolute, name, stat);
    } else {
      yield problem(absolute, name, 'notAFile');
    }
  }
}

/** The whole walk at once (for callers that need every file before they start). */
export async function walkPaths(inputs: readonly string[]): Promise<WalkResult> {
  const result: WalkResult = { files: [], problems: [] };
  for await (const { kind, ...found } of walkEntries(inputs)) {
    if (kind === 'file') result.files.push(found as WalkedFile);
    else result.problems.push(found as WalkProblem);
  }
  return result;
}

function problem(file: string, relative: string, reason: WalkProblem['reason']): Walked {
  return { kind: 'problem', path: file, relative, reason };
}

// Readability is found out when the upload opens the file (an unreadable file fails with its own message).
function file(full: string, relative: string, stat: Stats): Walked {
  return { kind: 'file', path: full, relative, size: stat.size, identity: { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, dev: stat.dev } };
}

async function* walkDir(dir: string, relative: string, root: string, seen: Set<string>): AsyncGenerator<Walked> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield problem(dir, relative, reasonOf(error));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isSkippedName(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const rel = `${relative}/${entry.name}`;
    if (entry.isSymbolicLink()) {
      yield* followLink(full, rel, root, seen);
    } else if (entry.isDirectory()) {
      yield* walkDir(full, rel, root, seen);
    } else if (entry.isFile()) {
      let stat;
      try {
        stat = await fs.stat(full);
      } catch (error) {
        yield problem(full, rel, reasonOf(error));
        continue;
      }
      yield file(full, rel, stat);
    }
  }
}

async function* followLink(full: string, rel: string, root: string, seen: Set<string>): AsyncGenerator<Walked> {
  let target: string;
  try {
    target = await fs.realpath(full);
  } catch {
    return; // a dangling link is not a file the user meant to share
  }
  if (!within(root, target)) return;
  const stat = await fs.stat(target);
  if (stat.isDirectory()) {
    if (seen.has(target)) return;
    seen.add(target);
    yield* walkDir(full, rel, root, seen);
  } else if (stat.isFile()) {
    yield file(full, rel, stat);
  }
}
