/**
 * The cues the task-type classifier reads, one small predicate per category. They run on
 * {@link questionForm}: lower case, straight apostrophes, single spaces. English only: a question
 * in another language falls through to "free-form QA" or "other".
 */

/** Lower case, straight apostrophes, single spaces, trimmed. */
export function questionForm(text: string): string {
  return text.toLowerCase().replaceAll("\u2019", "'").replace(/\s+/gu, " ").trim();
}

const LEAD_INS = [
  /^(?:q|question|task|instruction|input)\s*[:.-]\s*/,
  /^(?:answer (?:the|this) (?:following )?question|answer based on (?:the )?context)\s*[:.]?\s*/,
  /^(?:based on|according to|from|in) (?:the|this) (?:text|passage|article|paragraph|context)\s*,\s*/,
  /^(?:please|kindly|can you|could you|would you|will you)\s+/,
];

/**
 * The question proper: after a "Question:" label when a context precedes it, and without polite
 * or instructional openings ("Could you list …" reads as "list …").
 */
export function coreQuestion(form: string): string {
  const labelled = form.lastIndexOf("question:");
  let q = labelled >= 0 && labelled + 9 < form.length ? form.slice(labelled + 9).trim() : form;
  for (let changed = true; changed;) {
    changed = false;
    for (const lead of LEAD_INS) {
      const next = q.replace(lead, "");
      if (next !== q && next !== "") [q, changed] = [next, true];
    }
  }
  return q;
}

const has = (re: RegExp) => (s: string) => re.test(s);

const LANGUAGE =
  /\b(?:python|javascript|typescript|java|c\+\+|c#|sql|rust|golang|bash|shell script|html|css|regex|regular expression|php|ruby|kotlin|swift)(?![\w+#])/;
const CODE_WORD =
  /\b(?:code|function|script|program|query|snippet|syntax|compile|print|output|implement|write|loop|variable|error|bug|string|array|list|method|class|return)/;
const CODE_PHRASE =
  /\b(?:source code|code snippet|(?:this|the|following|above|below) (?:code|function|snippet|program|script)|(?:write|implement|define) (?:a|an|the) (?:function|program|script|method|class|query|algorithm)|regular expression|regex|time complexity|space complexity|for loop|while loop|list comprehension|recursive function|stack trace|unit tests?|pseudocode)\b/;
const CODE_TEXT = /```|\bdef \w+\(|\bprint\(|console\.log\(|=>|\bfunction\s*\w*\(|\w\(\w*\)\s*[;{]/;

/** Writing, reading or reasoning about program code. */
export function isCode(q: string, answer: string): boolean {
  if (CODE_TEXT.test(q) || CODE_PHRASE.test(q) || answer.includes("```")) return true;
  return LANGUAGE.test(q) && CODE_WORD.test(q);
}

/** Asks for a chain of thought, with the synthesizer's exact trigger or a loose variant. */
export const isLooseChainOfThought = has(/\blet's think step by step\b/);

/** Natural-language inference: does one statement follow from, or contradict, another? */
export const isNli = has(
  new RegExp(
    [
      String.raw`\b(?:premise|hypothesis|entail(?:s|ed|ment)?|contradicts?|contradiction)\b`,
      String.raw`\bcan (?:we|you|one) (?:conclude|infer|deduce|assume)\b`,
      String.raw`\bcan (?:it|this|that) be (?:concluded|inferred)\b`,
      String.raw`\b(?:does|do|would) (?:it|this|that|the \w+) (?:logically )?follow\b`,
      String.raw`\bfollows? (?:logically )?from\b`,
      String.raw`\btrue,? (?:or )?false,? or (?:neither|unknown)\b|\btrue or false\b`,
      String.raw`\bis it true that\b`,
      String.raw`\b(?:does|do|would) (?:this|that|it|the \w+) (?:imply|suggest|mean) that\b`,
      String.raw`\bis (?:the|this|that|the following) (?:statement|claim|sentence)\b.*\b(?:true|false|correct|accurate)\b`,
      String.raw`\bdetermine (?:if|whether) the (?:statement|sentence|claim) is true\b`,
    ].join("|"),
  ),
);

/** Rewording: paraphrase, restating, or asking whether two texts mean the same. */
export const isParaphrase = has(
  /\b(?:paraphrase|rephrase|reword|restate|rewrite|in (?:your|their) own words|in other words|another way (?:to|of) (?:say|saying|phrase|express)|mean the same|same (?:meaning|idea)|similar meaning|semantically (?:equivalent|similar)|synonyms?|asking the same (?:thing|question)|say the same thing|reports? the same|simpler words|plain(?:er)? (?:english|language))\b/,
);

const SENTIMENT_CUE =
  /\b(?:sentiment|positive or negative|negative or positive|emotions?|emotional|tone|mood|sarcastic|attitude (?:of|toward|towards|to)|feel(?:s|ing|ings)? (?:about|toward|towards)|star rating|rate .* (?:stars?|scale))\b/;
const REVIEW = /\b(?:review|reviewer|tweet|customer|comment|feedback)\b/;
const LIKING =
  /\b(?:like|liked|enjoy|enjoyed|recommend|satisfied|happy|unhappy|disappointed|pleased|favou?rable|unfavou?rable|positive|negative)\b/;

/** Sentiment, tone or emotion; also a review question answered "positive" or "negative". */
export function isSentiment(q: string, answer: string): boolean {
  if (SENTIMENT_CUE.test(q) || (REVIEW.test(q) && LIKING.test(q))) return true;
  return /^(?:positive|negative)\.?$/.test(questionForm(answer));
}

/** Option lists in the synthesizer's format or in common loose ones ("A) …", "Choose from:"). */
export const isLooseMultipleChoice = has(
  /(?:^|\s)options:\s*-|\b(?:choose|select|pick) (?:from|one|the (?:best|correct|right|most))\b|\b(?:which|what) of the following\b|\(?a[).]\s[\s\S]*?\s\(?b[).]\s/,
);

const ARITHMETIC =
  /\d\s*[+*\u00d7\u00f7^]\s*-?\d|\d\s*[x\u00d7]\s*\d|\d\s+[-\u2212/]\s+\d|\d[^=\n]{0,20}=\s*-?\d|\b[a-z]\s*=\s*-?\d|\d+ (?:times|plus|minus|divided by|multiplied by) \d/;
const MATH_WORD =
  /\b(?:calculate|compute|solve for|sum of|product of|square root|derivative|integral|equation|arithmetic)\b|\bconvert -?\d/;
const MATH_WITH_NUMBER =
  /\b(?:solve|evaluate|simplify|average|mean of|median|percent|probability|how many more|how much more|in total|altogether|(?:are|is) left|left over|remain(?:s|ing)?)\b|%/;
const HOW_MUCH =
  /\bhow (?:many|much|far|long|fast|old)\b|\bwhat is the (?:total|difference|sum)\b|\b(?:total|area|perimeter|volume|circumference)\b/;

/** Arithmetic, algebra and word problems. */
export function isMath(q: string): boolean {
  if (ARITHMETIC.test(q) || MATH_WORD.test(q)) return true;
  const numbers = q.match(/\d+(?:[.,]\d+)*/g)?.length ?? 0;
  if (numbers >= 1 && MATH_WITH_NUMBER.test(q)) return true;
  return numbers >= 2 && HOW_MUCH.test(q);
}

const SUMMARY =
  /\b(?:summari[sz]e|summary|sum up|tl;?dr|main (?:idea|point|topic|theme|message|argument)|central (?:idea|theme)|gist|title|headline|caption|(?:mainly|mostly|primarily) about|topic of (?:this|the) (?:text|article|passage|paragraph)|in (?:one|a single|a few) (?:sentence|words?)|what (?:is|was) (?:this|the) (?:text|article|passage|paragraph|story|document|report) about)\b/;
const NAMED_WORK =
  /\btitle of (?:the|his|her|their|a|an) (?:book|novel|song|film|movie|album|paper|poem|play|show)\b/;

/** Summaries, titles, headlines and "what is this about". */
export const isSummarization = (q: string): boolean => SUMMARY.test(q) && !NAMED_WORK.test(q);

const COMMONSENSE =
  /\b(?:most likely|more likely|likely to|probably|usually|typically|commonly|normally|common sense|happen next|what (?:would|might|will) (?:happen|you|someone|a person|people|they|he|she)|why would (?:someone|a person|people|you|anyone)|where (?:would|do|does|can|might) (?:you|one|someone|people|a person))\b/;
const TEXT_REFERENCE =
  /\b(?:text|passage|article|paragraph|author|narrator|story|report|document|according to|mentioned|described|above|the study)\b/;

/** Everyday knowledge about the world, not about the text (a text reference rules it out). */
export const isCommonsense = (q: string): boolean => COMMONSENSE.test(q) && !TEXT_REFERENCE.test(q);

const AUXILIARY =
  /^(?:is|are|was|were|am|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|can't|won't|hasn't|haven't)\b/;

const YES_OR_NO = /^(?:yes|no)\b/;
const WH_WORD = /^(?:what|who|whom|whose|which|when|where|why|how)\b/;

/**
 * A question answered by yes or no: an auxiliary verb first ("Is …", "Did …") and no "or" choice
 * unless the answer is yes or no; or any question but a wh-question answered yes or no.
 */
export function isYesNo(q: string, answer: string): boolean {
  if (AUXILIARY.test(q)) return !/\bor\b/.test(q) || YES_OR_NO.test(questionForm(answer));
  return !WH_WORD.test(q) && YES_OR_NO.test(questionForm(answer));
}

/** Pulling named things, dates, numbers or keywords out of the text. */
export const isExtraction = has(
  /^(?:extract|list|name|identify|find|quote|highlight|enumerate|pick out|pull out|underline|give (?:the|all|me the) (?:names?|dates?|list)|provide (?:the|a) (?:names?|dates?|list))\b|\b(?:keywords?|key (?:terms|words|phrases)|named entities|entities)\b|^(?:who|whom|whose|when|where|which (?:year|date|day|month|city|country|person|company)|what (?:year|date|day|month|time|percentage|number|city|country|is the name|was the name|are the names)|how (?:many|much|long|old|far))\b/,
);

/** Requests to produce something new: translations, stories, completions, corrections. */
export const isGeneration = has(
  /^(?:translate|write|compose|generate|create|complete|continue|correct|suggest|draft|make up|invent|fill in|come up with)\b/,
);

/** An open question: a question word first, an explanation request, or a question mark. */
export const isOpenQuestion = has(
  /^(?:what|why|how|which|whose|explain|describe|discuss|compare|in what way|to what extent)\b|\?$/,
);
