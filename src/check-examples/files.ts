import { closeSync, constants, openSync, readSync, statSync, type Stats } from 'node:fs';

/**
 * The largest page check-examples reads. Spec pages are far smaller (the largest, people.md, is
 * 38 KB); a 1 MiB page of table rows already takes some 450 MB to parse, an 8 MiB one 2.8 GB.
 */
export const MAX_PAGE_BYTES = 1024 * 1024;

/** The largest include check-examples reads; the spec's includes are a few KB each. */
export const MAX_INCLUDE_BYTES = 1024 * 1024;

/**
 * Why `path` will not be read, from its stat alone, or undefined if it can be: only regular
 * files of at most `maxBytes` are opened, so a FIFO, a device or a huge file is never read.
 */
export function unreadableReason(path: string, maxBytes: number): string | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 'no such file';
  if (stat.isDirectory()) return 'not a file';
  if (!stat.isFile()) return `not a regular file (${kindOf(stat)})`;
  if (stat.size > maxBytes)
    return `too large (${stat.size} bytes; the limit is ${mebibytes(maxBytes)})`;
  return undefined;
}

/**
 * Reads a file that unreadableReason lets through, as UTF-8; undefined when it has grown past
 * `maxBytes` since. The open does not block should the path have become a FIFO meanwhile.
 */
export function readCappedFile(path: string, maxBytes: number): string | undefined {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let size = 0;
    let read: number;
    do {
      read = readSync(fd, buffer, size, buffer.length - size, null);
      size += read;
    } while (read > 0 && size < buffer.length);
    return size > maxBytes ? undefined : buffer.toString('utf8', 0, size);
  } finally {
    closeSync(fd);
  }
}

export function mebibytes(bytes: number): string {
  return `${bytes / (1024 * 1024)} MiB`;
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'of an unknown kind';
}
