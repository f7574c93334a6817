/**
 * Stage: relays, the intermediaries a statement came through ("according to the Associated
 * Press", "told AFP", "a White House readout", "in an interview with CNN"). Platforms are not
 * relays; documents stand for their issuer ("a White House readout of the call" → "White House").
 */
import { OUTLETS, OUTLET_NOUNS, PLATFORMS } from './lexicon.js';

const OUTLET_SET = new Set(OUTLETS.map((o) => o.toLowerCase()));

const DOCUMENT_NOUNS =
  /\b(?:readouts?|statements?|reports?|assessments?|estimates?|data|figures|records?|documents?|analysis|analyses|filings?|releases?|transcripts?|posts?|communiqués?|communiques?|tallies|tally|count|findings|letter|summary|bulletin|update|notice|survey|poll|study|images?|footage|video|photos?|account|accounts|testimony|sources?\s+close\s+to)\b/i;

const CITED_DOCUMENTS =
  /\b(?:documents?|reports?|e-?mails?|filings?|records?|files?|papers|data|figures|statistics|minutes|recordings?|footage|images|messages|letters?|memos?|contracts?|invoices|logs?|spreadsheets?|manifests?|receipts|transcripts?|photos?|photographs|videos?|satellite\s+images|accounts|minutes)(?:(?:\s+(?:that|which))?\s+(?:it|they)\s+(?:had\s+|has\s+)?(?:obtained|seen|reviewed))?$/i;

/**
 * "X reported, citing documents it had obtained", "citing a copy of the inspection report it had
 * obtained": documents are not speakers, so the outlet that cites them is.
 */
export function isCitedDocument(cited: string): boolean {
  return CITED_DOCUMENTS.test(cited.trim().replace(/[.”"’]+$/, ''));
}

/** Drops determiners and possessive markers at the edges of a name. */
function clean(name: string): string {
  return name
    .trim()
    .replace(/^[“"‘(]+|[”"’),.;:]+$/g, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim();
}

/** Whether a phrase names a news organisation (not a platform). */
export function isOutletPhrase(phrase: string, known?: ReadonlySet<string>): boolean {
  const name = clean(phrase);
  if (!name) return false;
  if (OUTLET_SET.has(name.toLowerCase())) return true;
  if (known?.has(name.toLowerCase())) return true;
  if (/^[A-Z][\w.&-]*-(?:TV|FM|AM)$|^[A-Z][\w&-]*\s+(?:TV|Radio|News)$/.test(name)) return true;
  if (
    /^(?:[A-Z][\w’'-]+\s+){0,2}(?:Herald|Times|Post|Journal|Tribune|Gazette|Courier|Sentinel|Chronicle|Observer|Guardian|Telegraph|Globe|Ledger|Wire|Dispatch|Examiner|Inquirer|Beacon|Bulletin|Daily|Gazeta|Pravda|Izvestia)$/.test(
      name,
    )
  )
    return true;
  if ((PLATFORMS.test(name) && !OUTLET_NOUNS.test(name)) || /^social\s+media$/i.test(name))
    return false;
  // "the private channel Kanal 9", "the network RTV Nord": a description, then the outlet's name.
  if (
    /^(?:[a-z-]+\s+){0,2}(?:channel|network|station)\s+[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|\d+))*$/.test(
      name,
    )
  )
    return true;
  // "South Korean news agency Yonhap", "Russian state media", "the newspaper Haaretz"
  if (
    OUTLET_NOUNS.test(name) &&
    !/\b(?:ministry|office|government|department|military|army|forces|police|council|intelligence|security|space|nuclear|energy|atomic)\b/i.test(
      name.replace(OUTLET_NOUNS, ''),
    )
  ) {
    return true;
  }
  const words = name.split(/\s+/);
  const lastTwo = words.slice(-2).join(' ').toLowerCase();
  const last = words[words.length - 1].toLowerCase();
  return (
    OUTLET_SET.has(lastTwo) ||
    (words.length <= 4 && OUTLET_SET.has(last) && /^[A-Z]/.test(words[words.length - 1]))
  );
}

/** The name to record for a relay or outlet phrase. */
export function relayName(phrase: string): string {
  let name = clean(phrase);
  // "the regional governor, Oleh Syniehubov" → "Oleh Syniehubov"; "Yonhap, the news agency" → "Yonhap"
  const appositive = /^([^,]+),\s+(.+)$/.exec(name);
  if (appositive) {
    const [left, right] = [clean(appositive[1]), clean(appositive[2])];
    const isName = (x: string) => /^[A-Z][\p{L}’'.-]*(?:\s+[A-Z][\p{L}’'.-]*)*$/u.test(x);
    name = isName(right) && !isName(left) ? right : left;
  }
  // "figures on its website": the body "it" is, for the resolver to find.
  const pronounOwner =
    /^(?:the\s+)?[\w\s-]{0,40}?\b(its|their)\s+(?:own\s+)?(?:website|statement|report|data|figures|account|channel|page|tally|count|records)\b/i.exec(
      name,
    );
  if (pronounOwner) return pronounOwner[1].toLowerCase() === 'its' ? 'it' : 'they';
  // "an exit poll by Datum Research aired by TVO24" → "Datum Research".
  const pollBy =
    /\b(?:poll|survey|study|analysis|count|tally|audit|review)\s+(?:by|from|of)\s+((?:the\s+)?[A-Z][\p{L}’'.&-]*(?:\s+[A-Z][\p{L}’'.&-]*){0,4})/u.exec(
      name,
    );
  if (pollBy) return pollBy[1].replace(/^the\s+/i, '');
  // "a Vantage Research survey for the Standard …" → "Vantage Research": the issuer named first.
  const issuer =
    /^(?:(?:a|an|the)\s+)?((?:[A-Z][\p{L}’'.&-]*\s+){1,4})(?:survey|poll|study|report|analysis|audit|assessment|review|readout|statement|estimate|count|tally)s?\b/u.exec(
      name,
    );
  if (issuer) return issuer[1].trim();
  // "preliminary results published on the commission’s website" → "commission"
  const owner =
    /(?:^|\s)((?:the\s+)?[\p{L}.\s-]{2,60}?)[’']s?\s+(?:own\s+)?(?:website|statement|report|data|figures|account|channel|page|readout|tally|count|records|assessment|analysis|estimates?|survey|transcript)\b/iu.exec(
      name,
    );
  if (owner && !/^(?:the\s+)?(?:a|an)\b/i.test(owner[1])) {
    const words = owner[1].trim().split(/\s+/);
    // keep only the noun phrase right before the possessive
    let k = words.length - 1;
    while (k > 0 && !/^(?:the|on|of|by|in|from|at)$/i.test(words[k - 1])) k--;
    name = words.slice(k).join(' ');
    return name.replace(/^(?:the|a|an)\s+/i, '');
  }
  // "a White House readout of the call" → "White House"; "a statement from the ministry" → "ministry"
  const from =
    /\b(?:readouts?|statements?|reports?|assessments?|data|figures|documents?|analysis|releases?|transcripts?|posts?|estimates?|findings|tallies|records?|projections?|polls?|surveys?|forecasts?)\s+(?:from|by|of|released by|published by|issued by)\s+(?:the\s+)?(.+)$/i.exec(
      name,
    );
  if (
    from &&
    !/^(?:the\s+)?(?:call|meeting|talks|conversation|summit|discussion|(?:news|press)\s+(?:conference|briefing)|briefing|hearing|interview|debate|session)/i.test(
      from[1],
    )
  ) {
    name = from[1];
  } else if (DOCUMENT_NOUNS.test(name) && !isOutletPhrase(name)) {
    const m = DOCUMENT_NOUNS.exec(name)!;
    const head = name.slice(0, m.index).trim();
    if (head) name = head;
  }
  name = name
    .replace(/[’']s$/, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim();
  // "South Korean news agency Yonhap" → "Yonhap"; "the newspaper Haaretz" → "Haaretz"
  const outletTail =
    /(?:news agency|newspaper|broadcaster|outlet|wire service|daily|agency|television|channel|news site|website|station)\s+([A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|\d+))*)$/i.exec(
      name,
    );
  if (outletTail) name = outletTail[1];
  return name;
}

/** A relay named by an adverbial after the verb ("in an interview with CNN", "on Al-Jazeera"). */
export function relayFromAdverbial(adverbial: string, named: string | undefined): string | null {
  if (!named) return null;
  if (PLATFORMS.test(named) && !isOutletPhrase(named)) return null;
  const name = named.replace(/\s+(?:television|TV|radio)$/i, '');
  // "remarks broadcast by Vesti TV": what broadcasts or airs remarks is an outlet.
  const broadcast = /\b(?:broadcast|aired|televised)\s+(?:by|on)\s/i.test(adverbial);
  if (
    !broadcast &&
    !isOutletPhrase(name) &&
    !/\b(?:television|TV|radio|newspaper|news agency)\b/i.test(named)
  ) {
    // "citing officials" names a source, not a relay
    return null;
  }
  if (/^\s*,?\s*citing\b/i.test(adverbial)) return null;
  return relayName(name);
}
