import { readFile } from 'node:fs/promises';

/** The text of FILE, or of standard input for `-`. */
export async function readTextArgument(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
