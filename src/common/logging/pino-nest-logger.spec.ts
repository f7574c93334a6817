import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { PinoNestLogger } from './pino-nest-logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l)),
      );
      callback();
    },
  });
  return { lines, nest: new PinoNestLogger(createLogger('trace', stream)) };
}

describe('PinoNestLogger', () => {
  it('writes Nest’s messages as JSON with their context and level', () => {
    const { lines, nest } = capture();
    nest.log('Applied migration X', 'Database');
    nest.warn('Careful');
    nest.verbose('Details', 'Seed');
    expect(lines).toMatchObject([
      { level: 'info', msg: 'Applied migration X', context: 'Database' },
      { level: 'warn', msg: 'Careful' },
      { level: 'trace', msg: 'Details', context: 'Seed' },
    ]);
    expect(lines[1]).not.toHaveProperty('context');
  });

  it('keeps an error’s stack, whether passed as text or as the error itself', () => {
    const { lines, nest } = capture();
    const error = new Error('boom');
    nest.error('It failed', error.stack, 'GraphQL');
    nest.error(error, 'GraphQL');
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'It failed', context: 'GraphQL' });
    expect(lines[0].stack).toMatch(/Error: boom\n\s+at /);
    expect(lines[1]).toMatchObject({ msg: 'boom', err: { message: 'boom', type: 'Error' } });
  });

  it('merges an object message into the line and redacts credentials in it', () => {
    const { lines, nest } = capture();
    nest.log({ msg: 'Connected', headers: { authorization: 'Bearer ctk_secret' } }, 'Redis');
    expect(lines[0]).toMatchObject({
      msg: 'Connected',
      context: 'Redis',
      headers: { authorization: '[redacted]' },
    });
  });
});
