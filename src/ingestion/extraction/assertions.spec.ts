import { describe, expect, it } from 'vitest';
import { isAssertion } from './assertions.js';

describe('isAssertion', () => {
  it.each([
    'air defenses shot down the drones over Crimea',
    'The White House is monitoring developments from the Putin-Kim summit',
    'President Biden will meet with Zelensky next week',
    'insured losses would be lower, at $12 billion to $16 billion',
    'We have the outbreak under control',
    'Ukraine of shelling a village in the Kursk region',
  ])('keeps a statement of fact or accusation: %s', (span) => {
    expect(isAssertion(span)).toBe(true);
  });

  it.each([
    ['a conditional plan', 'If they decide to move forward, we’ll deal with it appropriately'],
    ['an obligation', 'We’ve got to see what actually shakes out of this meeting'],
    ['an own intention', 'it would file a complaint at the Security Council'],
    ['an intention of the speaker’s side', 'the government would file a complaint at the U.N.'],
    ['an evaluation', 'the meeting was very productive'],
    ['a feeling', 'it was “deeply alarmed” by reports of killings'],
    ['a wish', 'We hope the talks will resume'],
    ['a demand', 'Russia must withdraw its troops'],
    ['a fragment', 'okay'],
  ])('drops %s', (_kind, span) => {
    expect(isAssertion(span)).toBe(false);
  });
});
