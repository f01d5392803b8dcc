/** Reads a file as the editor would see it: UTF-8 (BOM dropped), or UTF-16 with a BOM. */
import { promises as fs, readFileSync } from 'node:fs';

export async function readText(path: string): Promise<string> {
  return decode(await fs.readFile(path));
}

/** The synchronous variant, for batch use (the CLI): far less overhead per file than async reads. */
export function readTextSync(path: string): string {
  return decode(readFileSync(path));
}

export function decode(buf: Uint8Array): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  return new TextDecoder('utf-8').decode(buf); // drops a UTF-8 BOM; invalid bytes become U+FFFD
}
