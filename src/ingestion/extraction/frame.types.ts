/** What `attribution.ts` finds in a sentence: attribution frames and their speaker phrases. */

export type FrameKind =
  | 'speech' // X said that A / X said A
  | 'trailing' // A, X said
  | 'inverted' // A, said X
  | 'participle' // …, saying A
  | 'coordinate' // X did Y and said A
  | 'embedded' // nouns it says are A
  | 'according' // according to X, A (no speech verb of its own)
  | 'outlet' // A, Reuters reported (the outlet's own report)
  | 'continuation'; // a quote sentence with no attribution of its own

export interface SpeakerPhrase {
  text: string;
  /** Relays named in an aside between subject and verb ("speaking to Al Jazeera"). */
  relays?: string[];
  /** Offset of the phrase in the sentence, or -1 when the phrase was inferred. */
  start: number;
}

export interface Frame {
  kind: FrameKind;
  /** The verb as written ("said", "according to"). */
  verb: string;
  /** The speaker as written; `null` for a continuation (the speaker comes from context). */
  speaker: SpeakerPhrase | null;
  /** The clause subject, for resolving "it" and for participles. */
  clauseSubject: SpeakerPhrase | null;
  /** Content offsets in the sentence, already trimmed to the span rules. */
  start: number;
  end: number;
  /** Intermediaries, nearest to the page first, as names. */
  relays: string[];
  /** Whether the statement is a denial (by verb). */
  denial: boolean;
  /** 0–1: how explicit the frame is. */
  explicitness: number;
  /** Whether the statement came as a that-clause or a quotation (not a bare object). */
  clausal?: boolean;
  /** A denial of something named only by reference ("denied the report"): no claim of its own. */
  reference?: boolean;
}

/** Whether a phrase names a news outlet (the listed ones, and those the briefing introduced). */
export type OutletTest = (phrase: string) => boolean;
