/**
 * Which attributed statements are claims. The annotation rules exclude opinion and evaluation,
 * wishes, demands and exhortations, promises, intentions and conditional plans; a present-tense
 * statement about one's own activity is still a claim.
 */

const CONDITIONAL = /^(?:if|unless|once|should|let|please|when)\b/i;
const FIRST_PERSON_INTENT =
  /^(?:we|i|you)\s*(?:[’']ve got to|[’']ll|[’']d|have to|have got to|has to|will|would|shall|must|need|should|can(?!\s+(?:see|hear|confirm|feel|smell)\b)|could(?!\s+(?:see|hear|feel|smell)\b)|want|hope|intend|plan|are going to|am going to|got to|are ready|am ready|are determined|are prepared)\b/i;
const OBLIGATION =
  /^(?:[\w’'-]+\s+){0,6}?[“"]?(?:must|should|ought to|needs? to|has to|have to)\s/i;
const SELF_INTENT =
  /^(?:it|he|she|they|we|i|(?:his|her|its|their|our)\s+(?:forces|troops|government|country|army|company|party|side|fighters)|the\s+(?:government|ministry|company|army|military|party|group|alliance|coalition|campaign|caucus|faction|bloc|delegation|administration|agency|authority|authorities|council|commission|department|firm|utility|union|office|board|court|club|team|federation|society|operator|service|police|strike|city|state|bank|region|province|country|university|school|college|hospital|airline|paper|newspaper|station|network|regulator|watchdog|investigation|inquiry|review|probe))\s+[“"]?(?:would|will|[’']ll|plans? to|intends? to|is ready to|are ready to|is prepared to|are prepared to|aims? to|hopes? to|wants? to|is determined to|was ready to|was prepared to|vows? to|is going to|are going to|could(?!\s+not\b|\s+neither\b)|might|may|stands? ready|stood ready)\b/i;
const EVALUATION =
  /^(?:(?:the|this|that|it|we|i|he|she|they|these|those|such)\s+(?:[\w’'-]+\s+){0,4}?)?(?:was|is|were|are|has been|had been|will be|would be)\s+[“"]?(?:a\s+|an\s+)?(?:very\s+|extremely\s+|highly\s+|deeply\s+|truly\s+|absolutely\s+|completely\s+|totally\s+|quite\s+|most\s+)?(?:productive|constructive|useful|important|unacceptable|outrageous|shameful|disgraceful|good|great|excellent|positive|fruitful|successful|historic|cynical|absurd|ridiculous|terrible|horrible|wonderful|necessary|crucial|meaningful|substantive|frank|candid|warm|appalling|reckless|irresponsible|dangerous|provocative|barbaric|heinous|despicable|monstrous|tragic|sad|regrettable|welcome|encouraging|disappointing|troubling|concerning|alarming|worrying|significant|vital|essential|critical|key|major|alarmed|concerned|worried|saddened|shocked|appalled|outraged|dismayed|pleased|delighted|proud|grateful|confident|optimistic|hopeful|disappointed|heartbroken|fair|unfair|generous|remarkable|extraordinary|wrong|political\s+choice|reasonable|unreasonable|premature|unhelpful|misguided|counterproductive|fantasy|nonsense|rubbish|laughable|insulting|pathetic|baseless|shocking|scandalous)\b/i;
/** "We are asking everyone to stay indoors": an appeal; "it was too early to say": no finding. */
const APPEAL =
  /^(?:we|i)\s+(?:are|am|[’']re|[’']m)\s+(?:asking|urging|calling\s+on|appealing\s+to|advising|telling)\b|\btoo\s+(?:early|soon)\s+to\b/i;
/** "told the town’s 14,000 residents not to drink tap water": an instruction to the public. */
const INSTRUCTION =
  /^(?:the\s+)?(?:[\w’'.,-]+\s+){0,5}?(?:residents|people|citizens|customers|passengers|families|users|drivers|parents|staff|workers|everyone|travell?ers|shoppers|visitors|owners|households)\s+(?:not\s+)?to\s+[a-z]+/i;
/** "The figures tell a different story": what the idiom's object says is no claim. */
const A_STORY = /^(?:a|an)\s+(?:[\w-]+\s+){0,2}story\b/i;
/** "before the mayor had said a word": an object that states nothing. */
const NOTHING_SAID =
  /^(?:a\s+word|nothing|little|anything|something|so|goodbye|thanks)\b|^(?:yes|no)(?:\s+(?:or|and)\s+(?:yes|no))?$/i;
/** "This is cronyism with a hospital badge", "would have been the real betrayal": a verdict. */
const CHARACTERIZATION =
  /\b(?:is|are|was|were|has\s+been|would\s+have\s+been|would\s+be)\s+[“"]?(?:(?:a|an|the|nothing\s+but|pure|simply|just)\s+)?(?:[\w’'-]+\s+){0,2}?(?:betrayal|insult|disgrace|scandal|shame|travesty|outrage|cronyism|smear|witch[\s-]hunt|farce|sham|joke|mockery|fiasco|catastrophe|tragedy|nonsense|lies?|propaganda|strike\s+against|attack\s+on|slap\s+in\s+the\s+face|victory\s+for|defeat\s+for|triumph|worth\s+having|step\s+forward|step\s+backward)\b/i;
/** "participants deserved a straight answer", "a company owes them the truth": what ought to be. */
const NORMATIVE =
  /\b(?:deserves?|deserved)\b|\bow(?:es?|ed)\s+(?:[\w’'-]+\s+){0,3}?(?:the\s+truth|an?\s+(?:apology|explanation|answer)|answers|better|respect)\b/i;
/** "An inquiry would be held once …", "every household would receive …": an announced step. */
const ANNOUNCED_STEP =
  /^(?:an?|the|every|each|all)\s+(?:[\w’'-]+\s+){0,5}?(?:would|will)\s+(?:be\s+(?:held|launched|opened|set\s+up|created|introduced|paid|imposed|lifted|given|sent)|receive|get)\b/i;
/**
 * "schools would close for two weeks", "two more shelters would open at midday", "Skerrow will
 * cooperate fully", "anyone spreading rumours would be prosecuted": an announced action or threat.
 */
const ANNOUNCED_ACTION =
  /^(?:[\w’'“”",-]+\s+){0,8}?(?:would|will|[’']ll)\s+(?:not\s+)?(?:be\s+)?(?:close|closed|open|opened|reopen|reopened|shut|cooperate|co-operate|prosecuted|punished|compensated|refunded|marked\s+down)\b/i;
/** "Follow the official warnings", "Please stay indoors": an exhortation. */
const IMPERATIVE =
  /^(?:please\s+)?(?:(?:do\s+not|don[’']t)\s+[a-z]+|(?:follow|stay|keep|stop|leave|avoid|evacuate|check)\s+(?:the|a|an|your|our|away|out|off|indoors|inside|home|safe|calm|clear|before)\b)/i;
/** "I am not interested in blame today": how the speaker feels. */
const FEELING =
  /^(?:i|we)\s+(?:am|are|[’']m|[’']re)\s+(?:not\s+)?(?:(?:so|very|deeply|truly|really|terribly)\s+)?(?:interested|sorry|proud|determined|committed|happy|glad|ready|confident|grateful|heartbroken|angry|furious)\b/i;
const WISH =
  /^(?:(?:[\w’'-]+\s+){0,4})(?:hopes?|hoping|wishes?|wants?|prays?|praying|looks? forward|looking forward)\b/i;

/** Whether an attributed statement is an assertion of fact or an accusation. */
export function isAssertion(span: string): boolean {
  const text = span.replace(/^[“"‘]+/, '').trim();
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < 2) return false;
  if (CONDITIONAL.test(text)) return false;
  if (FIRST_PERSON_INTENT.test(text)) return false;
  if (SELF_INTENT.test(text)) return false;
  if (OBLIGATION.test(text)) return false;
  if (WISH.test(text)) return false;
  if (NOTHING_SAID.test(text) && words.length < 6) return false;
  if (IMPERATIVE.test(text) || INSTRUCTION.test(text) || APPEAL.test(text)) return false;
  if (FEELING.test(text) || A_STORY.test(text)) return false;
  if (CHARACTERIZATION.test(text) && words.length < 16 && !/\d/.test(text)) return false;
  if (NORMATIVE.test(text) && words.length < 16) return false;
  if (ANNOUNCED_STEP.test(text) || ANNOUNCED_ACTION.test(text)) return false;
  if (EVALUATION.test(text) && words.length < 14) return false;
  return true;
}
