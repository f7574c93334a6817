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
    'The offer is worth 6.4% over two years',
    'the storm would make landfall on Friday',
    'contact tracers were following 612 people',
    'the agency could not yet confirm a second death',
    'We can hear them knocking, and they are answering us',
    'no such memo exists',
    'the river would crest at 7.4 metres on Friday',
    'the club owed them a total of £2.4 million',
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
    ['a characterization', 'This is cronyism with a hospital badge pinned on it'],
    ['a verdict on a choice', 'Doing nothing would have been the real betrayal of our workers'],
    ['what ought to be', 'trial participants deserved “a straight answer” about the sites'],
    ['an announced step', 'an inquiry into the response would be held once the rescue was over'],
    ['a readiness', 'the bank stood ready to move if the outlook changed'],
    ['a body’s own plan', 'the region would commission its own review of the plan'],
    ['an exhortation', 'Follow the official warnings'],
    ['a feeling', 'I am not interested in blame today'],
    ['a quoted pledge of the speaker’s side', 'the bank “will do whatever it takes'],
    ['an evaluation of a decision', 'the rating cut was “premature and deeply unhelpful'],
    ['a prayer', 'We are praying for every one of them'],
    ['a caucus’s own plan', 'the caucus will announce its position later today'],
    ['an announced action', 'schools in Porto Alba would close for two weeks from Thursday'],
    ['a threat', 'anyone spreading “false rumours” about the outbreak would be prosecuted'],
    ['a pledge of cooperation', 'Skerrow will cooperate fully with the board'],
    ['an apology', 'I am deeply sorry to every family that has been hurt'],
    ['a quoted obligation', 'the league “should have caught this a year ago'],
    ['an instruction', 'the town’s roughly 14,000 residents not to drink or cook with tap water'],
    ['an appeal', 'We are asking everyone within two kilometres to keep their windows closed'],
    ['a caution', 'it was too early to draw firm conclusions'],
    ['a reported feeling', 'she was “heartbroken'],
    ['the object of "tell a story"', 'a different story from the mayor’s'],
  ])('drops %s', (_kind, span) => {
    expect(isAssertion(span)).toBe(false);
  });
});
