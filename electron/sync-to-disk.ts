// Making writes durable: what a power cut must not take back (a pack written or kept) is flushed
// to the disk before anything relies on it.
import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes `file`'s bytes to the disk. */
export function syncFile(file: string): void {
  // Read-write: Windows flushes only a file opened for writing.
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes `dir`'s entries (a rename into it) to the disk; Windows cannot open a folder to do so. */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
