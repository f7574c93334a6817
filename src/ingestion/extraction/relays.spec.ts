import { describe, expect, it } from 'vitest';
import { isCitedDocument, isOutletPhrase, relayFromAdverbial, relayName } from './relays.js';

describe('isOutletPhrase', () => {
  it('knows listed outlets and outlet descriptions, not platforms or government bodies', () => {
    expect(isOutletPhrase('the Associated Press')).toBe(true);
    expect(isOutletPhrase('South Korean news agency Yonhap')).toBe(true);
    expect(isOutletPhrase('KGLF-TV')).toBe(true);
    expect(isOutletPhrase('Telegram')).toBe(false);
    expect(isOutletPhrase('social media')).toBe(false);
    expect(isOutletPhrase('the private channel Kanal 9')).toBe(true);
    expect(isOutletPhrase('his Telegram channel')).toBe(false);
    expect(isOutletPhrase('the Defense Ministry')).toBe(false);
    expect(isOutletPhrase('the U.S. intelligence agency')).toBe(false);
  });

  it('knows outlets the briefing introduced', () => {
    expect(isOutletPhrase('MRT')).toBe(false);
    expect(isOutletPhrase('MRT', new Set(['mrt']))).toBe(true);
  });
});

describe('relayName', () => {
  it('names the issuer of a document', () => {
    expect(relayName('a White House readout of the call')).toBe('White House');
    expect(relayName('a Commission transcript of the news conference')).toBe('Commission');
    expect(relayName('A rival projection from Valtek Polling')).toBe('Valtek Polling');
    expect(relayName('The Corran Evening Post')).toBe('Corran Evening Post');
    expect(relayName('a statement from the ministry')).toBe('ministry');
    expect(relayName('preliminary results published on the commission’s website')).toBe(
      'commission',
    );
    expect(relayName('U.S. intelligence assessments')).toBe('U.S. intelligence');
  });

  it('names an outlet without its description or an appositive person by name', () => {
    expect(relayName('South Korean news agency Yonhap')).toBe('Yonhap');
    expect(relayName('the regional governor, Oleh Syniehubov')).toBe('Oleh Syniehubov');
  });
});

describe('relayFromAdverbial', () => {
  it('takes outlets from interviews and broadcasts, not platforms or cited sources', () => {
    expect(relayFromAdverbial(' in an interview with CNN', 'CNN')).toBe('CNN');
    expect(relayFromAdverbial(' on Al-Jazeera television', 'Al-Jazeera television')).toBe(
      'Al-Jazeera',
    );
    expect(relayFromAdverbial(' in a post on Telegram', 'Telegram')).toBeNull();
    expect(relayFromAdverbial(', citing Reuters', 'Reuters')).toBeNull();
  });
});

describe('isCitedDocument', () => {
  it('tells documents an outlet obtained from people it cites', () => {
    expect(isCitedDocument('a copy of the inspection report it had obtained')).toBe(true);
    expect(isCitedDocument('documents it had seen.')).toBe(true);
    expect(isCitedDocument('pages of the aircraft’s technical log that it had obtained')).toBe(
      true,
    );
    expect(isCitedDocument('a rescue worker at the scene')).toBe(false);
    expect(isCitedDocument('a report by the U.N. agency')).toBe(false);
  });
});
