/** Joins a writer's many small strings into UTF-8 chunks of about `size` characters. */
export async function* textChunks(
  parts: AsyncIterable<string>,
  size = 64 * 1024,
): AsyncGenerator<Buffer> {
  let pending: string[] = [];
  let length = 0;
  for await (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length >= size) {
      yield Buffer.from(pending.join(''));
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield Buffer.from(pending.join(''));
}
