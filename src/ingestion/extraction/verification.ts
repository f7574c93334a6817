/**
 * Stage 6: verification. Reads the language an item uses about the claims in it — "could not
 * independently verify", "did not immediately confirm", "denied", "disputed", "confirmed", "false" —
 * and gives each claim the strongest label that applies, with the exact words as evidence. Labels
 * that come from other claims (a denial, a counter-claim) are applied by `applyRelationLabels`.
 */
import type { ExtractedVerification } from './extraction.types.js';
import { isOutletPhrase } from './relays.js';
import { groupByItem } from './items.js';
import { overlap } from './relations.js';
import { splitSentences } from './sentences.js';

export const STRENGTH: Record<ExtractedVerification, number> = {
  unverified: 0,
  not_confirmed: 1,
  could_not_verify: 2,
  disputed: 3,
  denied: 4,
  confirmed: 5,
  false: 6,
};

export interface VerificationCue {
  label: ExtractedVerification;
  /** Offsets of the evidence in the item. */
  start: number;
  end: number;
  /** The party the cue is about ("Ukraine did not immediately confirm"), as written. */
  party: string;
  /** The cue is a clause attached to a sentence that states something itself. */
  attached: boolean;
  sentenceStart: number;
}

const VERIFY =
  /\b(?:could\s+not|couldn[’']t|cannot|can[’']t|was\s+unable\s+to|were\s+unable\s+to|has\s+been\s+unable\s+to|have\s+been\s+unable\s+to|has\s+not\s+been\s+able\s+to|have\s+not\s+been\s+able\s+to|was\s+not\s+able\s+to|were\s+not\s+able\s+to|did\s+not|didn[’']t|has\s+not|have\s+not|hasn[’']t|haven[’']t|could\s+not\s+yet|is\s+unable\s+to)\s+(?:yet\s+|immediately\s+|independently\s+|be\s+|been\s+|separately\s+)*(?:verify|verified|confirm|confirmed|corroborate|corroborated|authenticate|authenticated)\b/i;
const UNVERIFIED_PASSIVE =
  /\b(?:could\s+not\s+be|cannot\s+be|can[’']t\s+be|has\s+not\s+been|have\s+not\s+been|were\s+not|was\s+not)\s+(?:immediately\s+|independently\s+)*(?:verified|confirmed|corroborated|authenticated)\b|\bnot\s+(?:been\s+)?independently\s+(?:verified|confirmed)\b|\bunverified\b|\b(?:neither|none)\b[^.]{0,60}?\b(?:could|can|has|have)\s+(?:yet\s+)?(?:be|been)\s+(?:independently\s+)?(?:verified|confirmed|corroborated)\b/i;
const NO_COMMENT =
  /\b(?:did\s+not|didn[’']t|has\s+not|have\s+not|hasn[’']t|haven[’']t|had\s+not|would\s+not|declined\s+to|refused\s+to)\s+(?:yet\s+|immediately\s+|publicly\s+)*(?:comment|respond|confirm|acknowledge|address|reply)\w*\b|\b(?:declined|refused)\s+to\s+(?:comment|confirm|discuss)\b|\bno\s+immediate\s+(?:comment|response|reaction|confirmation)\b|\b(?:could|would|can)\s+neither\s+confirm\s+nor\s+(?:deny|refute)\b|\bthere\s+was\s+no\s+(?:immediate\s+)?(?:comment|confirmation|response)\b|\bnot\s+immediately\s+(?:available\s+for\s+comment|clear)\b|\bdid\s+not\s+return\s+(?:a\s+)?requests?\s+for\s+comment\b|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\b|\b(?:declined|refused)\s+to\s+(?:elaborate|discuss|answer)\b|\bdid\s+not\s+(?:immediately\s+)?(?:reply|answer)\b|\bno\s+(?:official\s+)?(?:confirmation|comment)\s+from\b|\bhas\s+yet\s+to\s+(?:comment|confirm|respond)\b/i;
const CONFIRMED =
  /\b(?:(?:has|have|had|was|were|been)\s+)?(?:independently\s+)?(?:confirmed|confirms|verified|corroborated|corroborates|geolocated|authenticated)\b/i;
const DISPUTED =
  /\b(?:disputed|disputes|dispute|disputing|contested|contests|contest|contradicted|contradicts|challenged|challenge|questioned|rival\s+claims|conflicting\s+(?:claims|accounts|reports))\b/i;
const FALSE_CUE =
  /\b(?:(?:is|was|are|were|proved|proven|turned\s+out\s+to\s+be)\s+(?:false|untrue|not\s+true|fabricated|baseless|unfounded|incorrect)|(?:there\s+(?:is|was)\s+no\s+evidence)|(?:no\s+evidence\s+(?:to\s+support|that|of|for))|(?:debunked)|(?:misleading|false\s+claim|false\s+claims))\b/i;
const ATTRIBUTION_IN =
  /\b(?:said|says|told|according to|claimed|claims|reported|stated|wrote|denied|insisted)\b/i;

/** The self-outlet and outlets say "could not verify"; other parties "did not confirm". */
function isOutletSubject(before: string, selfOutlet: string | null): boolean {
  const subject = before.trim().replace(/^(?:But|And|However,?)\s+/i, '');
  if (/^(?:we|it)\b/i.test(subject)) return true;
  if (selfOutlet && subject.toLowerCase().includes(selfOutlet.toLowerCase())) return true;
  if (
    /\b(?:The Post|Post|Times|Journal|CNN|Reuters|AP|Associated Press|AFP|BBC|NBC|the newspaper|news\s+agency)\b/.test(
      subject,
    )
  )
    return true;
  return isOutletPhrase(subject.split(/\s+(?:could|can|was|were|has|have|did|is)\b/)[0] ?? subject);
}

/** Verification language in an item. */
export function findCues(item: string, selfOutlet: string | null): VerificationCue[] {
  const cues: VerificationCue[] = [];
  for (const sentence of splitSentences(item)) {
    const s = sentence.text;
    const start = sentence.start;
    const end = start + s.length;
    const push = (label: ExtractedVerification, party: string, at = 0) => {
      // The cue's clause: from the last comma or semicolon before the cue words.
      const head = s.slice(0, at);
      const cut = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', '));
      const clauseStart = cut >= 0 ? cut + 2 : 0;
      cues.push({
        label,
        start: start + clauseStart,
        end,
        // Who the cue is about is named in its own clause, not in the statement it is attached to.
        party: party && s.slice(clauseStart, at),
        attached: clauseStart > 0,
        sentenceStart: start,
      });
    };
    const v = VERIFY.exec(s);
    if (v) {
      const before = s.slice(0, v.index);
      if (
        /\b(?:be|been)\s+(?:independently\s+|immediately\s+)*(?:verified|confirmed|corroborated|authenticated)\b/i.test(
          v[0],
        )
      ) {
        push('could_not_verify', '', v.index);
        continue;
      }
      if (
        /\b(?:did\s+not|didn[’']t|has\s+not|have\s+not|hasn[’']t|haven[’']t)\b/i.test(v[0]) &&
        !isOutletSubject(before, selfOutlet)
      ) {
        push('not_confirmed', before, v.index);
      } else if (isOutletSubject(before, selfOutlet)) push('could_not_verify', before, v.index);
      else push('not_confirmed', before, v.index);
      continue;
    }
    const up = UNVERIFIED_PASSIVE.exec(s);
    if (up) {
      push('could_not_verify', '', up.index);
      continue;
    }
    const nc = NO_COMMENT.exec(s);
    if (nc) {
      push('not_confirmed', s.slice(0, nc.index), nc.index);
      continue;
    }
    const f = FALSE_CUE.exec(s);
    // "X’s claim that A is false" names its target; applyFactChecks finds it.
    if (f && !ATTRIBUTION_IN.test(s) && !factCheckTarget(s)) {
      push('false', '', f.index);
      continue;
    }
    const d = DISPUTED.exec(s);
    if (d) {
      push('disputed', s.slice(0, d.index), d.index);
      continue;
    }
    const c = CONFIRMED.exec(s);
    // "Transvar’s own outage log, reviewed by the Ledger, confirms four cuts": the outlet's check.
    const reviewed =
      /\b(?:reviewed|seen|examined|obtained|analy[sz]ed)\s+by\s+((?:the\s+)?(?:[A-Z][\w.’'-]*\s*){1,4})/.exec(
        s.slice(0, c?.index ?? 0),
      );
    if (
      c &&
      !/\b(?:not|never|no|neither|none|unable|cannot|nor)\b/i.test(s.slice(0, c.index)) &&
      (/independently/i.test(c[0]) ||
        ((isOutletSubject(s.slice(0, c.index), selfOutlet) ||
          (reviewed && isOutletSubject(reviewed[1], selfOutlet))) &&
          !ATTRIBUTION_IN.test(s)))
    ) {
      push('confirmed', s.slice(0, c.index), c.index);
    }
  }
  return cues;
}

/** The outlet the page belongs to, when the text names it ("The Washington Post could not …"). */
export function findSelfOutlet(text: string): string | null {
  const m =
    /\b((?:The +)?[A-Z][\w.]*(?: +[A-Z][\w.]*){0,3})\s+(?:could\s+not|was\s+unable\s+to|has\s+not\s+been\s+able\s+to|cannot)\s+(?:immediately\s+)?(?:independently\s+)?(?:verify|confirm)/.exec(
      text,
    );
  return m ? m[1].replace(/^.*\.\s+/, '').replace(/^The\s+/, '') : null;
}

export interface VerifiableClaim {
  item: number;
  spanStart: number;
  span: string;
  speaker: string;
  speakerRole: string | null;
  speakerAffiliation: string | null;
  verification: ExtractedVerification;
  verificationEvidence: string | null;
  /** The reporting verb ("accused"), when known. */
  verb?: string;
}

const CUE_TOPIC =
  /\b(?:comment|respond|reply|confirm|verify|address)\w*\s+(?:(?:to\s+(?:a\s+)?(?:requests?|questions?)\s+(?:for\s+comment\s+)?)?(?:on|about|regarding))\s+(.+?)[.”"]*$/i;
const GENERAL_REFERENCE =
  /^(?:the|these|those|its|his|her|their|that|this)?\s*(?:[\w’'-]+[’']s\s+)?(?:[\w-]+\s+)?(?:reports?|claims?|allegations?|accusations?|account|accounts|figures?|matter|it|them|this|that|statements?|remarks|comments|story)$/i;
const SINGLE_REFERENCE =
  /\b(?:that|the|this)\s+(?:claim|figure|account|number|statement|assertion|allegation|estimate)\b(?!s)/i;
/** "could not verify either figure": the two claims just before it. */
const DUAL_REFERENCE =
  /\b(?:either|both|neither)\s+(?:of\s+the\s+)?(?:figures?|accounts?|claims?|numbers?|tolls?|estimates?|versions?)\b/i;
/** "declined to comment on the allegation": about the accusations in the item, not the rest. */
const ACCUSATION_REFERENCE =
  /\b(?:the|that|this|these|those)\s+(?:accusations?|allegations?|charges?)\b/i;
const ACCUSING_VERB = /^(?:accus|alleg|blam|charg)/i;
/** "could not verify the person’s account": the claims of the party it names. */
const WHOSE_ACCOUNT =
  /\bthe\s+((?:[\w-]+\s+){0,2}[\w-]+)[’']s?\s+(?:account|accounts|claims?|figures?|numbers?|version|allegations?|statements?)\b/i;

/** Applies item-level cues to the claims they address. */
export function applyCues(
  items: string[],
  claims: VerifiableClaim[],
  selfOutlet: string | null,
): void {
  const byItem = groupByItem(claims);
  items.forEach((item, idx) => {
    const cues = findCues(item, selfOutlet);
    if (!cues.length) return;
    let inItem = byItem.get(idx) ?? [];
    // An item that only comments ("Neither account could be independently verified.") speaks
    // about the item before it.
    const refersBack =
      /^(?:Neither|None|Both|These|Those|Either|That|This|The\s+(?:claims?|reports?|accounts?|figures?|assertions?|allegations?|numbers?|tolls?))\b/.test(
        item,
      );
    const about = inItem.length ? inItem : refersBack ? (byItem.get(idx - 1) ?? []) : [];
    const own = inItem.length > 0;
    inItem = about;
    for (const cue of cues) {
      const words = item.slice(cue.start, cue.end);
      // "declined to comment on the logs": only about the claims that speak of the logs.
      const topic = CUE_TOPIC.exec(words)?.[1];
      const topical = topic && !GENERAL_REFERENCE.test(topic) ? topic : null;
      // "could not independently verify that claim": the one claim just before it.
      const before = inItem.filter((c) => !own || c.spanStart < cue.start);
      const single = SINGLE_REFERENCE.test(words) ? before.at(-1) : undefined;
      const pair = DUAL_REFERENCE.test(words) && before.length > 2 ? before.slice(-2) : null;
      const accusations = ACCUSATION_REFERENCE.test(words)
        ? inItem.filter((c) => c.verb && ACCUSING_VERB.test(c.verb))
        : [];
      const owner = WHOSE_ACCOUNT.exec(words)?.[1].toLowerCase().split(/\s+/).pop();
      const owners = owner
        ? inItem.filter((c) => `${c.speaker} ${c.speakerRole ?? ''}`.toLowerCase().includes(owner))
        : [];
      for (const c of inItem) {
        if (single && c !== single) continue;
        if (pair && !pair.includes(c)) continue;
        if (accusations.length && !accusations.includes(c)) continue;
        if (owners.length && !owners.includes(c)) continue;
        if (topical && overlap(c.span, topical) === 0) continue;
        // The cue speaks about claims made before it, and not about the party's own claims.
        if (own && c.spanStart >= cue.start) continue;
        if (own && c.spanStart + c.span.length > cue.start && c.spanStart < cue.end) continue;
        // A cue attached to a statement ("…, an accusation X did not address") is about that statement.
        if (
          own &&
          cue.attached &&
          inItem.some((o) => o.spanStart >= cue.sentenceStart && o.spanStart < cue.start) &&
          c.spanStart < cue.sentenceStart
        )
          continue;
        const party = cue.party
          .toLowerCase()
          .replace(/^(?:the|an?\s+\w+\s+the)\s+/, '')
          .trim();
        if (
          (cue.label === 'not_confirmed' || cue.label === 'confirmed') &&
          party &&
          sameSide(party, c)
        )
          continue;
        setLabel(c, cue.label, own ? item.slice(cue.start, cue.end) : null);
      }
    }
  });
}

const FACT_CHECKED =
  '(?:claims?|statements?|assertions?|figures?|account|suggestions?|denials?|insistence|assurances?|explanation|version)';
const VERDICT =
  '(?:is|was|are|were)\\s+(?:false|untrue|incorrect|inaccurate|wrong|not\\s+(?:true|accurate|correct))';
const VERDICT_WORD =
  /\b(?:false|untrue|incorrect|inaccurate|wrong|not\s+(?:true|accurate|correct))\b/i;
/** "Ostlund’s claim is false", "the ministry’s denial that A is incorrect": a named target. */
const NAMED_CLAIM = new RegExp(
  `(?:^|\\s)(?:[Tt]he\\s+)?((?:[A-Z][\\p{L}’'-]*\\s+){0,3}?[\\p{L}’'-]+?)(?:[’']s|(?<=s)[’'])\\s+(?:\\w+\\s+)?${FACT_CHECKED}\\b(?:\\s+that\\s+(.+?))?\\s+${VERDICT}\\b`,
  'u',
);
/** "Claims that the videos show the dam are false": the target by its content. */
const CLAIMS_THAT = new RegExp(
  `(?:^|\\s)(?:[Tt]he\\s+)?(?:claims?|statements?|suggestions?|reports?|assertions?)\\s+that\\s+(.+?)\\s+${VERDICT}\\b`,
  'i',
);
const MEDIA = /\b(?:videos?|footage|photos?|photographs?|images?|clips?|pictures?|screenshots?)\b/i;

/** The claim an outlet's fact-check sentence names: by whose it is, or by what it said. */
function factCheckTarget(sentence: string): { who: string | null; content: string | null } | null {
  // Most sentences carry no verdict; the two patterns below are costly to fail on them.
  if (!VERDICT_WORD.test(sentence)) return null;
  const named = NAMED_CLAIM.exec(sentence);
  if (named) return { who: named[1], content: named[2] ?? null };
  const content = CLAIMS_THAT.exec(sentence)?.[1];
  return content ? { who: null, content } : null;
}

/**
 * The outlet's own fact-check in a later item ("Ostlund’s claim is false.") makes the claim it
 * names false: the latest claim by the person it names, or the one whose content it repeats.
 */
export function applyFactChecks(items: string[], claims: VerifiableClaim[]): void {
  const byItem = groupByItem(claims);
  items.forEach((item, idx) => {
    for (const sentence of splitSentences(item)) {
      const s = sentence.text;
      const check = factCheckTarget(s);
      if (!check) continue;
      const { who, content } = check;
      const earlier: VerifiableClaim[] = [];
      for (let k = Math.max(0, idx - 12); k <= idx; k++)
        for (const c of byItem.get(k) ?? [])
          if (k < idx || c.spanStart < sentence.start) earlier.push(c);
      // Whose claim it names, when it names someone ("the minister’s" may be a title the claim
      // does not carry); else any claim before it.
      const name = who?.toLowerCase();
      const byWho = name
        ? earlier.filter((c) => `${c.speaker} ${c.speakerRole ?? ''}`.toLowerCase().includes(name))
        : earlier;
      const candidates = byWho.length || /^[A-Z]/.test(who ?? '') ? byWho : earlier;
      let target: VerifiableClaim | undefined;
      if (content) {
        // "Claims that the video shows …": what a passive "said to show" claim reported.
        const media = MEDIA.test(content);
        let best = 0;
        for (const c of candidates) {
          const o = overlap(c.span, content) + (media && MEDIA.test(c.span) ? 0.3 : 0);
          if (o > best) [best, target] = [o, c];
        }
        if (best < 0.3) target = undefined;
        // "The claim that it showed Sunday’s vote is false": the claim just before it.
        if (!target && !name) target = earlier.filter((c) => c.item === idx).pop();
      } else {
        // "Dalgaard’s claim is false." answers a claim close by, not one from hours before.
        target = candidates.filter((c) => c.item >= idx - 3).pop();
      }
      if (target) setLabel(target, 'false', target.item === idx ? s.replace(/[.\s]+$/, '') : null);
    }
  });
}

function sameSide(party: string, c: VerifiableClaim): boolean {
  const p = party
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .trim();
  // A long role describes ("lawyer representing burned Voltara customers"); a short one is a title.
  const title = c.speakerRole && c.speakerRole.split(/\s+/).length <= 3 ? c.speakerRole : '';
  const hay = `${c.speaker} ${title} ${c.speakerAffiliation ?? ''}`
    .toLowerCase()
    .replace(/[’']s\b/g, '');
  const s = c.speaker.toLowerCase();
  if (hay.includes(p) || p.includes(s)) return true;
  const pw = p.split(/\s+/).filter((w) => w.length > 2);
  return pw.length > 0 && pw.every((w) => hay.includes(w.replace(/s$/, '')));
}

export function setLabel(
  c: VerifiableClaim,
  label: ExtractedVerification,
  evidence: string | null,
): void {
  if (STRENGTH[label] > STRENGTH[c.verification]) {
    c.verification = label;
    c.verificationEvidence = evidence;
  }
}
