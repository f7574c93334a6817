import { describe, expect, it } from 'vitest';
import { apiKeyPrefix } from './rate-limit.js';

describe('apiKeyPrefix', () => {
  const key = `ctk_AbCdEfGh1234_${'s'.repeat(43)}`;

  it('names a key by its prefix, never by its secret', () => {
    expect(apiKeyPrefix(`Bearer ${key}`)).toBe('AbCdEfGh1234');
    expect(apiKeyPrefix(`bearer   ${key} `)).toBe('AbCdEfGh1234');
  });

  it.each([[undefined], [''], ['Basic dXNlcjpwYXNz'], [`Bearer ${key.slice(0, 10)}`], [key]])(
    'gives no prefix for %j, which only the address limit counts',
    (header) => {
      expect(apiKeyPrefix(header)).toBeNull();
    },
  );
});
