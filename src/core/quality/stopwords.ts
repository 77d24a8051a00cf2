/**
 * A compact English stopword list for the quality signals: function words that carry no content
 * of their own, so they neither earn grounding credit nor make two questions look alike.
 * "yes" and "no" are here on purpose: a bare "Yes." restates no content of the text.
 * Entries are in normalized form (lower case, straight apostrophe); see `normalize.ts`.
 */
const WORDS = `
a about above across after again against all almost along also although always am among an and
another any anyone anything are aren't around as at be became because become been before being
below besides between both but by can can't cannot could couldn't did didn't do does doesn't
doing don't done down during each either else enough especially etc even ever every few for
from further get gets got had hadn't has hasn't have haven't having he he's her here hers
herself him himself his how however i i'm if in into is isn't it it's its itself just let let's
like made make many may maybe me might more most much must my myself neither no nor not now of
off often on once only onto or other others otherwise our ours ourselves out over own per
perhaps quite rather really same several shall she she's should shouldn't since so some still
such than that that's the their theirs them themselves then there there's therefore these they
they're this those though through throughout thus to together too toward towards under unless
until up upon us use used using very via was wasn't we we're well were weren't what what's when
whenever where whereas wherever whether which while who who's whom whose why will with within
without won't would wouldn't yes yet you you're your yours yourself yourselves
`;

/** The stopwords, normalized. */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w !== ""));
