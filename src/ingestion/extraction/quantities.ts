/**
 * Figures in a claim, for telling when two parties give different numbers for the same thing
 * ("312 people had been confirmed dead" / "we have buried more than 500 people"). A figure is a
 * value and what it counts: the words after the number, with near-synonyms folded into one class
 * so that "bodies" and "dead", or "accounts" and "customers", count the same thing.
 */

export interface Quantity {
  value: number;
  /** What the figure counts: stems and classes of the words that follow it. */
  measures: string[];
  /** "at least 30", "more than 500": a total given as an estimate. */
  hedged: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  dozens: 36,
  hundreds: 300,
  thousands: 3000,
};

const SCALE: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
};

/** Near-synonyms counted as one thing. */
const CLASSES: [RegExp, string][] = [
  [
    /^(?:bodies|dead|deaths|victims|fatalities|casualties|died|killed|buried|lives)$/,
    '#casualties',
  ],
  [/^(?:injured|wounded|hurt)$/, '#injured'],
  [
    /^(?:accounts?|customers?|users?|records?|clients?|subscribers?|holders?|members?)$/,
    '#accounts',
  ],
  [/^(?:planes?|aircraft|flights?|jets?)$/, '#aircraft'],
  [/^(?:warships?|ships?|vessels?|boats?|frigates?|destroyers?)$/, '#ships'],
  [/^(?:votes?|ballots?)$/, '#votes'],
];

/** Words between a number and what it counts, and words that count nothing. */
const FILLER =
  /^(?:more|than|at|least|about|around|some|nearly|almost|over|under|unique|other|additional|new|the|its|their|our|his|her|had|have|has|been|were|was|are|confirmed|reported|registered|local|total|all|just|only|extra|further|and|or|in|on|to|from|with|by|for|as|a|an|into|since|per|each|every|of)$/;
const HEDGE =
  /(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|only|close(?:r)?\s+to|well\s+(?:under|over|above|below))\s+[$€£¥]?$/;
/** "$6.4 billion", "€900", "1.9 billion crowns": an amount of money. */
const CURRENCY_BEFORE = /[$€£¥]$/;
const CURRENCY_AFTER =
  /^\s*(?:dollars|euros|pounds|crowns|francs|yen|yuan|rupees|pesos|lira|rubles|roubles)\b/;

const FIGURE =
  /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(million|billion|thousand|bn|m)\b)?|\b(a\s+single|single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|dozen|hundreds|thousands)\b/gi;

function measureOf(word: string): string {
  for (const [re, cls] of CLASSES) if (re.test(word)) return cls;
  return word.slice(0, 5);
}

/** The figures a text gives, each with what it counts (years, times and percentages left out). */
export function quantitiesIn(text: string): Quantity[] {
  const out: Quantity[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(FIGURE)) {
    let value: number;
    if (m[1]) {
      value = Number(m[1].replace(/,/g, ''));
      if (m[2]) value *= SCALE[m[2]];
      // A year is not a count.
      if (!m[2] && /^(?:19|20)\d\d$/.test(m[1])) continue;
    } else value = NUMBER_WORDS[m[3].replace(/^a\s+/, '')];
    const after = lower.slice(m.index + m[0].length, m.index + m[0].length + 60);
    // "48% of capacity": a share of something named counts that something.
    const share = /^\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+|its\s+|their\s+)?([a-z-]+)/.exec(
      after,
    );
    if (share) {
      out.push({ value, measures: [`%${measureOf(share[1])}`], hedged: false });
      continue;
    }
    // A bare percentage counts nothing named, so only a loose comparison uses it.
    if (/^\s*(?:%|percent|per\s+cent)/.test(after)) {
      out.push({
        value,
        measures: ['%'],
        hedged: HEDGE.test(lower.slice(Math.max(0, m.index - 20), m.index)),
      });
      continue;
    }
    // Percentages, times and durations are not counts; "four of the cases" is part of one
    // ("two of its planes" still counts planes).
    if (
      /^\s*(?:a\.m\.|p\.m\.|o’clock|hours?|days?|weeks?|months?|years?|of\s+(?:the|these|those)\b)/.test(
        after,
      )
    )
      continue;
    // Money is money whatever it pays for: "$6.4 billion" and "closer to $3.9 billion".
    const money = CURRENCY_BEFORE.test(lower.slice(0, m.index)) || CURRENCY_AFTER.test(after);
    const measures: string[] = money ? ['$'] : [];
    for (const w of after.match(/[a-z’'-]+/g)?.slice(0, 6) ?? []) {
      if (FILLER.test(w)) continue;
      measures.push(measureOf(w));
      if (measures.length === (money ? 3 : 2)) break;
    }
    const hedged = HEDGE.test(lower.slice(Math.max(0, m.index - 20), m.index));
    if (measures.length) out.push({ value, measures, hedged });
  }
  return out;
}

/**
 * Whether two texts give different figures for the same thing: a class of things both count
 * ("418 bodies" / "312 dead"), or the same word when one of them is an estimate of a total ("at
 * least 30 villages" / "84 villages"); "412 polling stations" and "6,200 polling stations" are
 * more likely two different sets. `loose` takes any shared measure with two values (bare
 * percentages, one unhedged count against another): enough to type a pair already linked.
 */
export function differInFigures(
  a: readonly Quantity[],
  b: readonly Quantity[],
  loose = false,
): boolean {
  return a.some((x) =>
    b.some(
      (y) =>
        x.value !== y.value &&
        x.measures.some(
          (m) =>
            y.measures.includes(m) &&
            (loose || /^(?:#|%.)/.test(m) || (m !== '%' && (x.hedged || y.hedged))),
        ),
    ),
  );
}
