import { describe, expect, it } from 'vitest';
import { findFrames } from './attribution.js';
import { subjectBefore } from './speaker-phrases.js';
import { trimRange } from './spans.js';
import { normalizeQuotes } from './sentences.js';

/** The frames of a sentence as [speaker phrase, span, relays]. */
function frames(sentence: string, outlets?: ReadonlySet<string>) {
  const s = normalizeQuotes(sentence);
  return findFrames(s, outlets).map((f) => [
    f.speaker?.text ?? null,
    sentence.slice(f.start, f.end),
    f.relays,
  ]);
}

describe('findFrames', () => {
  it('takes the that-clause after "X said"', () => {
    expect(
      frames('The Russian Defense Ministry said that air defenses shot down drones over Crimea.'),
    ).toEqual([['The Russian Defense Ministry', 'air defenses shot down drones over Crimea', []]]);
  });

  it('gives one claim per complement clause', () => {
    expect(
      frames(
        'The ministry said that air defenses shot down the drones and that the boat’s guns “destroyed” five boats.',
      ).map((f) => f[1]),
    ).toEqual(['air defenses shot down the drones', 'the boat’s guns “destroyed” five boats']);
  });

  it('takes the content before a trailing attribution, quotes trimmed at the edges only', () => {
    expect(
      frames(
        'Putin accepted the invitation “with gratitude,” Kremlin spokesman Dmitry Peskov said Thursday in a news briefing.',
      ),
    ).toEqual([
      ['Kremlin spokesman Dmitry Peskov', 'Putin accepted the invitation “with gratitude', []],
    ]);
  });

  it('reads an inverted attribution with an appositive after it, title included', () => {
    expect(
      frames(
        '‘We have never seen river levels like this,’ said Caroline Douglas, the agency’s chief executive.',
      ),
    ).toEqual([
      [
        'Caroline Douglas, the agency’s chief executive',
        'We have never seen river levels like this',
        [],
      ],
    ]);
  });

  it('keeps the part before an interrupting attribution', () => {
    expect(
      frames('Turnout was 61.4%, the commission said, up from 55% in 2021.').map((f) =>
        f.slice(0, 2),
      ),
    ).toEqual([['the commission', 'Turnout was 61.4%']]);
  });

  it('finds a name with its appositive role as the speaker', () => {
    expect(
      frames(
        '“Discussions are under way,” Lim Soo-suk, a spokesman for South Korea’s Foreign Ministry, said on Thursday.',
      )[0][0],
    ).toBe('Lim Soo-suk, a spokesman for South Korea’s Foreign Ministry');
  });

  it('credits a participle to the clause subject and a coordinated verb to the same speaker', () => {
    expect(
      frames(
        'Kim reaffirmed his support for Moscow, saying, “We have always supported President Putin.”',
      ),
    ).toEqual([['Kim', 'We have always supported President Putin', []]]);
    expect(
      frames(
        'The prosecutor blamed Russia for the strike and said the wounded included a teenager.',
      ).map((f) => f.slice(0, 2)),
    ).toEqual([
      ['The prosecutor', 'Russia for the strike'],
      ['The prosecutor', 'the wounded included a teenager'],
    ]);
  });

  it('makes "according to" a relay when the sentence has its own speaker, and the speaker when not', () => {
    expect(
      frames(
        'Kim praised Moscow, saying, “We stand by all decisions of President Putin,” according to the Kremlin.',
      )[0][2],
    ).toEqual(['Kremlin']);
    expect(
      frames('According to U.S. intelligence assessments, Russia is looking to obtain weaponry.'),
    ).toEqual([['U.S. intelligence assessments', 'Russia is looking to obtain weaponry', []]]);
  });

  it('makes an outlet the speaker of what it reports on its own authority', () => {
    expect(
      frames(
        'The council urged both sides not to trade weapons, South Korean news agency Yonhap reported.',
      ),
    ).toEqual([
      ['South Korean news agency Yonhap', 'The council urged both sides not to trade weapons', []],
    ]);
  });

  it('chains relays nearest to the page first', () => {
    expect(
      frames(
        'An NSF commander, speaking to Al Jazeera by phone, said his forces held the runway, according to Reuters.',
      ),
    ).toEqual([['An NSF commander', 'his forces held the runway', ['Reuters', 'Al Jazeera']]]);
    expect(
      frames(
        'Interior Minister Goran Stoica told state broadcaster MRT that police had detained 14 people.',
      )[0][2],
    ).toEqual(['MRT']);
  });

  it('names the cited source when an outlet reports with "citing"', () => {
    expect(
      frames(
        'Interfax reported that the talks would resume in Istanbul, citing a source in the Turkish Foreign Ministry.',
      ),
    ).toEqual([
      [
        'a source in the Turkish Foreign Ministry',
        'the talks would resume in Istanbul',
        ['Interfax'],
      ],
    ]);
  });

  it('reads "X quoted Y as saying" and "Y was quoted by X as saying"', () => {
    expect(
      frames(
        'TASS quoted the Russian Defense Ministry as saying that 12 drones were destroyed over Belgorod.',
      ),
    ).toEqual([['Russian Defense Ministry', '12 drones were destroyed over Belgorod', ['TASS']]]);
  });

  it('spans subject to predicate when the attribution sits inside a noun phrase', () => {
    expect(
      frames(
        'The U.S. Treasury announced new sanctions on elites and companies it says are aiding Russia’s war effort.',
      ).map((f) => f[1]),
    ).toEqual(['elites and companies it says are aiding Russia’s war effort']);
  });

  it('takes the object of "accused"/"blamed" as the statement', () => {
    expect(frames('Russian officials accused Ukraine of shelling a village overnight.')).toEqual([
      ['Russian officials', 'Ukraine of shelling a village overnight', []],
    ]);
  });

  it('makes a denial of a reference no claim of its own, but a denial marker for what follows', () => {
    const found = findFrames(
      'The health ministry denied the accusation in a statement, saying 80,000 sets had been delivered.',
    );
    expect(found.filter((f) => !f.reference).map((f) => [f.denial, f.kind])).toEqual([
      [true, 'participle'],
    ]);
    expect(found.some((f) => f.reference)).toBe(true);
  });

  it('reads a trailing "a charge X rejected" as X’s denial', () => {
    const s =
      'An NSF spokesman said the convoys carried arms for the army, a charge the U.N. rejected as “categorically false.”';
    const found = findFrames(normalizeQuotes(s));
    const denial = found.find((f) => f.denial);
    expect(denial?.speaker?.text).toBe('the U.N.');
    expect(s.slice(denial!.start, denial!.end)).toBe(
      'a charge the U.N. rejected as “categorically false',
    );
    expect(s.slice(found[0].start, found[0].end)).toBe('the convoys carried arms for the army');
  });

  it('marks what follows a dismissal ("called the accusation a fabrication") as a denial', () => {
    const found = findFrames(
      normalizeQuotes(
        'Ostra’s foreign ministry called the accusation “a fabrication” and said its forces had not fired on Dvor.',
      ),
    );
    expect(found.map((f) => [f.kind, f.denial])).toEqual([['coordinate', true]]);
  });

  it('skips a participial modifier between subject and verb', () => {
    expect(
      frames(
        'Residents reached by phone told the Ledger that flags had been raised over the town hall.',
      ),
    ).toEqual([['Residents', 'flags had been raised over the town hall', ['Ledger']]]);
  });

  it('finds no frame in uncredited narration, a passive "said to", or a bare act', () => {
    expect(
      frames('The two leaders probably discussed arms sales, though there was no announcement.'),
    ).toEqual([]);
    expect(frames('Photos said to show bodies outside a hospital have circulated widely.')).toEqual(
      [],
    );
    expect(frames('South Korea condemned the meeting between Kim and Putin.')).toEqual([]);
    expect(frames('Politico first reported the proposed cuts on Tuesday.')).toEqual([]);
  });
});

describe('subjectBefore', () => {
  it('skips auxiliaries, adverbs and asides between subject and verb', () => {
    const s =
      'Observers from the Council, who monitored 40 districts, have also said that voting was calm.';
    expect(subjectBefore(s, 0, s.indexOf(' said') + 1)?.text).toBe('Observers from the Council');
  });

  it('returns a pronoun on its own', () => {
    const s = 'More shelling followed, he said.';
    expect(subjectBefore(s, 0, s.indexOf('said'))?.text).toBe('he');
  });
});

describe('trimRange', () => {
  it('drops edge punctuation, quotes, a leading "that" and a dangling conjunction', () => {
    const s = '“that the figures were compiled from protocols, but';
    const [a, b] = trimRange(s, 0, s.length);
    expect(s.slice(a, b)).toBe('the figures were compiled from protocols');
  });
});

describe('findFrames: wire-style frames', () => {
  it('takes "told the jury on Monday that" and any addressee before "that"', () => {
    expect(
      frames('Prosecutors told the jury on Monday that Mercer had hidden $300 million in losses.'),
    ).toEqual([['Prosecutors', 'Mercer had hidden $300 million in losses', []]]);
  });

  it('takes speakers headed by unlisted person nouns, and an addressee the sentence calls a newspaper', () => {
    const f = frames(
      'A former teammate, speaking on condition of anonymity, told the Gazzetta that riders had been given injections at a camp, the newspaper reported.',
    );
    expect(f.some((x) => x[1] === 'riders had been given injections at a camp')).toBe(true);
    expect(f.find((x) => x[1] === 'riders had been given injections at a camp')?.[2]).toContain(
      'Gazzetta',
    );
  });

  it('reads remarks broadcast by an outlet as a relay', () => {
    expect(
      frames(
        '“We have no drones in that area,” its commander, Oleg Marin, said in remarks broadcast by Vesti TV.',
      )[0]?.slice(1),
    ).toEqual(['We have no drones in that area', ['Vesti TV']]);
  });

  it('does not take a noun in a citing aside for a verb', () => {
    expect(
      frames(
        'Two European diplomats, citing intelligence reports, said the drone had been launched from the north.',
      ).map((f) => f[1]),
    ).toEqual(['the drone had been launched from the north']);
  });

  it('keeps names joined by "&" and leaves "claims that" out of a rejection', () => {
    expect(
      frames('The auditor, Fenwick & Lowe, said that it had raised concerns with the board.')[0],
    ).toEqual(['The auditor, Fenwick & Lowe', 'it had raised concerns with the board', []]);
    expect(
      frames(
        'Solberg rejected claims that the company had ignored warnings from its crews.',
      )[0]?.[1],
    ).toBe('the company had ignored warnings from its crews');
  });
});

describe('findFrames: more reporting frames', () => {
  it('reads "reiterated that", a filing "with regulators" and "a report by X found that" once', () => {
    expect(frames('The coach reiterated that the player had not been injured.')).toEqual([
      ['The coach', 'the player had not been injured', []],
    ]);
    expect(frames('The coach reaffirmed his support for the player.')).toEqual([]);
    expect(
      frames('The startup said in a filing with regulators that revenue had fallen 30 percent.'),
    ).toEqual([['The startup', 'revenue had fallen 30 percent', []]]);
    expect(
      frames(
        'A report by the inspector general found that the agency had lost track of 300 laptops.',
      ),
    ).toEqual([['the inspector general', 'the agency had lost track of 300 laptops', []]]);
  });

  it('splits "…, a claim the army denied" into the claim and the denial', () => {
    expect(frames('The rebels said they had captured the town, a claim the army denied.')).toEqual([
      ['The rebels', 'they had captured the town', []],
      ['the army', 'a claim the army denied', []],
    ]);
  });

  it('keeps "people briefed on the talks" as the subject', () => {
    expect(
      frames('People briefed on the talks said the two sides were close to a deal.')[0]?.[1],
    ).toBe('the two sides were close to a deal');
  });
});

describe('findFrames: denials by reference and hired sources', () => {
  it('makes the statement after "rejected that accusation, saying" a denial', () => {
    const s =
      'The laboratory’s director, Omar Haddad, rejected that accusation, saying every bottle had been sealed by the manufacturer.';
    const f = findFrames(normalizeQuotes(s)).find((x) => x.kind === 'participle');
    expect(f?.denial).toBe(true);
    expect(s.slice(f!.start, f!.end)).toBe('every bottle had been sealed by the manufacturer');
  });

  it('keeps "an independent laboratory hired by residents" as the speaker, not the residents', () => {
    expect(
      frames(
        'An independent laboratory hired by residents said tests of tap water had found lead.',
      )[0]?.[0],
    ).toBe('An independent laboratory');
  });
});

describe('findFrames: dates, time clauses and live-blog stamps', () => {
  it('reads a date after the verb as an adverbial', () => {
    expect(
      frames('“There is no evidence of any intrusion,” spokeswoman Hanna Lindahl said on Nov. 11.'),
    ).toEqual([['spokeswoman Hanna Lindahl', 'There is no evidence of any intrusion', []]]);
  });

  it('ends a statement before a time clause that holds another attribution', () => {
    const s =
      'Kestrel Pay acknowledged that an unauthorised party had gained access to a database, a week after the company said there was “no evidence of any intrusion.”';
    expect(frames(s).map(([speaker, span]) => [speaker, span])).toEqual([
      ['Kestrel Pay', 'an unauthorised party had gained access to a database'],
      ['the company', 'there was “no evidence of any intrusion'],
    ]);
  });

  it('does not let an inner "has claimed" swallow the attribution after it', () => {
    expect(
      frames(
        'The data set covers 2.3 million accounts, far fewer than the group has claimed, she said.',
      ),
    ).toEqual([
      ['she', 'The data set covers 2.3 million accounts, far fewer than the group has claimed', []],
    ]);
  });

  it('leaves a time stamp out of the statement, and an intention joined to it', () => {
    expect(
      frames('9:12 a.m. — The figures were wrong, the spokesman said.').map(([, span]) => span),
    ).toEqual(['The figures were wrong']);
    expect(
      frames(
        'The spokesman said it was reviewing the figures and would publish a revised toll.',
      ).map(([, span]) => span),
    ).toEqual(['it was reviewing the figures']);
  });
});

describe('findFrames: what an outlet cites', () => {
  it('gives the source cited between an outlet and its verb the claim, through the outlet', () => {
    expect(
      frames(
        'Local broadcaster Drevna 9 TV, citing a rescue worker at the scene, later reported that five bodies had been recovered.',
      ),
    ).toEqual([
      ['a rescue worker at the scene', 'five bodies had been recovered', ['Drevna 9 TV']],
    ]);
  });

  it('keeps the outlet as the speaker when what it cites is a document', () => {
    expect(
      frames(
        'The Kessel Courier reported that the repairs had not been finished, citing a copy of the inspection report it had obtained.',
      ),
    ).toEqual([['The Kessel Courier', 'the repairs had not been finished', []]]);
  });

  it('reads "…, confirming the CNN report." as an aside, not "the CNN" reporting', () => {
    expect(
      frames('Kask said the bodies had been recovered, confirming the CNN report.')[0],
    ).toEqual(['Kask', 'the bodies had been recovered', []]);
  });
});

describe('findFrames: acts and asides that state nothing', () => {
  it('takes no claim from "declared Wednesday a national day of mourning"', () => {
    expect(frames('The government declared Wednesday a national day of mourning.')).toEqual([]);
  });

  it('keeps "…, and that is all" in one quoted claim', () => {
    expect(
      frames(
        '“I spoke to the governor on Sunday, as I do every week, and that is all,” he told reporters.',
      ).map((f) => f[1]),
    ).toEqual(['I spoke to the governor on Sunday, as I do every week, and that is all']);
  });

  it('reads "said in a video posted on his official channel" as where it was said', () => {
    expect(
      frames('“We can hear them knocking,” Mostyn said in a video posted on his official channel.'),
    ).toEqual([['Mostyn', 'We can hear them knocking', []]]);
  });
});

describe('findFrames: newsletter-style attributions', () => {
  it('takes the name and first title of a subject with two appositives', () => {
    expect(
      frames(
        'Dario Mensk, leader of the Agrarian League, the junior partner in the government, said shortly before midnight Monday that his party had withdrawn its support.',
      ),
    ).toEqual([
      ['Dario Mensk, leader of the Agrarian League', 'his party had withdrawn its support', []],
    ]);
  });

  it('takes "a title, the Body Name, said" as a subject', () => {
    expect(
      frames(
        'Norvania’s national regulator, the Product Safety Commission, said it had logged 47 fires.',
      ).map((f) => f[0]),
    ).toEqual(['Norvania’s national regulator, the Product Safety Commission']);
  });

  it('reads "reported Tuesday, citing X, that A" for a person cited and for a document', () => {
    expect(
      frames('The Kellin Courier reported Tuesday, citing two officials, that a post was offered.'),
    ).toEqual([['two officials', 'a post was offered', ['Kellin Courier']]]);
    expect(
      frames(
        'The Kellin Courier reported Tuesday, citing a copy of a memo it had obtained, that a post was offered.',
      ),
    ).toEqual([['The Kellin Courier', 'a post was offered', []]]);
  });

  it('keeps a numbered channel and a relay between the verb and "that"', () => {
    expect(
      frames(
        'Mensk told the private channel Kanal 9, according to the Associated Press, that every lawmaker had signed the pledge.',
      ),
    ).toEqual([['Mensk', 'every lawmaker had signed the pledge', ['Associated Press', 'Kanal 9']]]);
  });

  it('skips an opening "Asked about the report," and takes the speaker after it', () => {
    expect(
      frames(
        'Asked about the Courier report, the speaker’s office said the matter had been referred.',
      ),
    ).toEqual([['the speaker’s office', 'the matter had been referred', []]]);
  });

  it('lets a readout state what comes before a frame of its own, and relay that frame', () => {
    expect(
      frames(
        'According to a readout from the Office of the President, the two discussed the options and Mensk informed the president that his party had voted to leave.',
      ),
    ).toEqual([
      ['a readout from the Office of the President', 'the two discussed the options', []],
      ['Mensk', 'his party had voted to leave', ['Office of the President']],
    ]);
  });
});

describe('findFrames: what a survey states', () => {
  it('reads "A … survey projects A" and "a projection from X puts A"', () => {
    expect(
      frames(
        'A Meridia Research survey published Tuesday projects the Social Democratic Front winning 54 seats.',
      ).map((f) => f.slice(0, 2)),
    ).toEqual([
      [
        'A Meridia Research survey published Tuesday',
        'the Social Democratic Front winning 54 seats',
      ],
    ]);
    expect(
      frames(
        'A rival projection from Valtek Polling, which works for the Civic Union, puts the two parties nearly level.',
      ).map((f) => f.slice(0, 2)),
    ).toEqual([['A rival projection from Valtek Polling', 'the two parties nearly level']]);
  });

  it('takes "shows" from nobody but a document, and not inside another statement', () => {
    expect(frames('The video shows soldiers firing on the crowd.')).toEqual([]);
    expect(frames('The drivers’ association MKF said its own counts showed no change.')).toEqual([
      ['The drivers’ association MKF', 'its own counts showed no change', []],
    ]);
  });
});

describe('findFrames: names with small words, ages, long titles, lists of that-clauses', () => {
  it('reads "Friends of the Tarne, a local environmental group, said"', () => {
    expect(
      frames('Friends of the Tarne, a local environmental group, said its volunteers had seen it.'),
    ).toEqual([
      ['Friends of the Tarne, a local environmental group', 'its volunteers had seen it', []],
    ]);
  });

  it('skips an age and a long title with a relative clause before the verb', () => {
    expect(
      frames('At the sports hall, resident Mats Ekholm, 58, said his tap water had smelled.').map(
        (f) => f[0],
      ),
    ).toEqual(['resident Mats Ekholm']);
    expect(
      frames(
        'Ilse Brandauer, a professor of accountancy at the University of Westmarch who has seen the pages published by the Gazette, said the accounts were consistent with hidden debt.',
      ).map((f) => f[1]),
    ).toEqual(['the accounts were consistent with hidden debt']);
  });

  it('takes the name before a bare title, not the body named after it', () => {
    expect(
      frames(
        'Henrik Solberg, operations director at the utility, Tarnby Vattenverk, said sampling flagged the solvent.',
      ).map((f) => f[0]),
    ).toEqual(['Henrik Solberg, operations director at the utility']);
    expect(
      frames(
        'The hospital has admitted 29 patients, its chief medical officer, Dr. Lena Farris, said.',
      )[0][0],
    ).toMatch(/^its chief medical officer, Dr\.? Lena Farris$/);
  });

  it('splits "that A, that B, and that C" but not a relative "…, that appear …"', () => {
    expect(
      frames(
        'The Guild said that Rovan had missed its payroll, that 27 players had not been paid, and that the club owed them £2.4 million.',
      ).map((f) => f[1]),
    ).toEqual([
      'Rovan had missed its payroll',
      '27 players had not been paid',
      'the club owed them £2.4 million',
    ]);
    expect(
      frames(
        'The newspaper said the accounts show £29 million in loans from Kellbrook Holdings, that appear nowhere in the filings.',
      ).map((f) => f[1]),
    ).toEqual([
      'the accounts show £29 million in loans from Kellbrook Holdings, that appear nowhere in the filings',
    ]);
  });
});

describe('findFrames: confirmations and rejections of a named account', () => {
  it('gives "confirmed the agency’s report that A, but would not say how much" the claim A', () => {
    expect(
      frames(
        'The port authority’s director-general, Oren Vastel, confirmed the Thessanian Press Agency’s report that ammonium nitrate had been held in Shed 14, but would not say how much.',
      ),
    ).toEqual([
      [
        'The port authority’s director-general, Oren Vastel',
        'ammonium nitrate had been held in Shed 14',
        [],
      ],
    ]);
  });

  it('reads "rejected the union’s claim that A, saying B" as a denial by reference, then B', () => {
    const s =
      'Vastel rejected the union’s claim that inspections had been cut, saying they were done monthly.';
    const found = findFrames(s);
    expect(found.map((f) => [Boolean(f.reference), s.slice(f.start, f.end)])).toEqual([
      [true, 'the union’s claim that inspections had been cut'],
      [false, 'they were done monthly'],
    ]);
  });
});
