// Closed word classes the mention finder needs: function words that never start a
// name, words that are capitalised without naming anything (months, weekdays), titles
// and honorifics (which announce a person but are not part of the name), and
// name particles that may sit inside a name (`Bashar al-Assad`, `Bank of England`).

function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== ""));
}

/**
 * Function and other common words that, capitalised, are sentence-initial or headline
 * case rather than part of a name. Stripped from the start of a candidate name.
 */
export const FUNCTION_WORDS = wordSet(`
a an the this that these those there here it its he she him her his hers they them their theirs
we our ours i me my mine you your yours one who whom whose which what when where why how
in on at by for from with without within into onto upon over under above below after before
during since until till while as of off out up down about around across along against among
amid amidst between beyond despite except inside outside near toward towards through throughout
via per than according and or but nor so yet both either neither not no yes if unless because
although though whether also however meanwhile moreover nevertheless nonetheless instead indeed
thus hence then now today tonight yesterday tomorrow last next soon still even just only already
once again ever never always often sometimes perhaps maybe later earlier afterwards meanwhile elsewhere
instead overall all any each every some many much more
most few several such other another same own both former latter first second third fourth fifth
is are was were be been being am do does did has have had having will would shall should can could
may might must let lets please thanks thank ok okay oh well so like unlike other others nor
breaking exclusive update updated watch read see photo video live opinion editorial analysis
`);

/** Capitalised words that name no entity and break a name apart (`During a March interview`). */
export const NON_NAME_WORDS = wordSet(`
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
monday tuesday wednesday thursday friday saturday sunday
christmas easter ramadan eid thanksgiving halloween
god internet web online
`);

/**
 * Title heads: a capitalised name right after one is a person, and the title is not part
 * of the mention (`President Bashar al-Assad` → `Bashar al-Assad`).
 */
export const TITLE_HEADS = wordSet(`
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady
president vice-president president-elect premier chancellor minister secretary senator sen sen.
congressman congresswoman representative rep rep. governor gov gov. mayor ambassador envoy
king queen prince princess emperor pope cardinal archbishop bishop rev rev. reverend father sheikh
ayatollah imam rabbi judge justice attorney general gen gen. colonel col col. lieutenant lt lt.
major maj maj. captain capt capt. sergeant sgt sgt. admiral adm adm. commander marshal
chairman chairwoman chair chief director spokesman spokeswoman spokesperson aide adviser advisor
leader whip speaker candidate nominee commissioner inspector detective officer agent coach manager
striker midfielder defender goalkeeper skipper chef host presenter anchor
`);

/**
 * Abbreviated roles (`Russia’s FM`, `the PM`): capitalised like acronyms of organizations,
 * but they stand for a person's office, so they are never an entity.
 */
export const ROLE_ABBREVIATIONS = new Set(["FM", "PM", "MP", "MPs", "MEP", "MEPs", "CEO", "CFO", "COO", "CTO", "VP", "DA", "AG", "GM", "MD"]);

/**
 * Title modifiers: only part of a title when a head follows (`Foreign Minister`,
 * `Prime Minister`, `Deputy Secretary`); otherwise ordinary words.
 */
export const TITLE_MODIFIERS = wordSet(`
foreign prime deputy vice acting interim former late then defence defense finance interior home
health education energy justice trade labor labour treasury state executive chief general
supreme assistant associate senior junior grand crown attorney first press national security
district federal foreign-affairs presidential minority majority house senate
`);

/** Lowercase words allowed inside a name when a capitalised word follows them. */
export const NAME_CONNECTORS = wordSet(`
of the de du da das dos del della der den van von la le el al bin ibn bint abu ben di ter y &
`);

/** Particles that may open a person's family name (`al-Assad`, `bin Laden`, `van Gogh`). */
export const SURNAME_PARTICLES = wordSet(`al el bin ibn ben abu van von de der den du da di le la`);

/** Pronouns that can stand for a quoted speaker. */
export const SPEAKER_PRONOUNS = wordSet(`he she they we i it`);

/**
 * Last words of names of laws, events, prizes and wars: such names are not people,
 * organizations or places, so the run is dropped (`Information Act`, `Grand Prix`).
 */
export const NON_ENTITY_TAILS = wordSet(`
act acts bill treaty agreement accord accords convention prize award awards cup championship
championships games olympics olympic prix war wars festival summit inquiry report doctrine amendment
index trophy open marathon series tournament league-cup final finals election elections referendum
day week month year era revolution crisis scandal affair syndrome disease virus flu
`);

/** Compass words that, before a nationality, still make no name (`North Vietnamese`). */
export const COMPASS_WORDS = wordSet(`north south east west northern southern eastern western central`);

/** Verbs that, right after an unknown capitalised word, show it names a person (`Estrosi told`). */
export const SPEECH_VERBS = wordSet(`said says told tells added adds insisted explained wrote writes tweeted recalled argued`);

// ---------------------------------------------------------------------------------------
// Quote attribution: reporting verbs ("cues") and the words around them.

/**
 * Reporting verbs by lemma. `say/said` gives an irregular past (and participle), a
 * trailing `+` doubles the last consonant (`quip` → `quipped`). Every form is a cue:
 * base, third person, past, -ing.
 */
const CUE_LEMMAS = `
say/said tell/told write/wrote/written read/read put/put
add insist explain note ask reply declare argue claim warn continue acknowledge announce
comment conclude confirm recall remark report stress suggest tweet complain admit+ predict
observe urge vow promise caution emphasize emphasise state quip+ joke boast counter respond
retort shout yell whisper maintain muse lament concede agree recount describe call cite
testify assert contend allege charge deny proclaim exclaim scream chant post text email
summarize summarise elaborate question wonder mock demand plead pledge threaten recommend
thunder fume gush beg+ bark boom sneer scoff laugh sigh cry reason reiterate repeat echo
brag+ crow marvel rail blast slam+ criticize criticise praise dub+ label term mutter murmur
interject interrupt tout opine posit explain counsel advise assure inform remind reveal
affirm offer volunteer condemn rip+ decry denounce hail applaud dismiss accuse characterize
characterise brand lambast ridicule chide scold laud defend challenge reject refer+ deride
trumpet declare snipe bemoan gripe grumble rant cheer thank intimate exhort liken reference compare
nickname remember express attack sing answer fret grouse ponder gloat concur speculate surmise
blurt
`;

/** Cues that also name a bare action or state too often to mark a speaker on their own. */
const WEAK_CUE_LEMMAS = `call describe put cite label dub term continue agree ask report state offer
read question wonder blast slam criticize criticise praise mock post
charge counter text email echo repeat crow cry laugh sigh boom rail condemn rip decry denounce hail
applaud dismiss accuse characterize characterise brand lambast ridicule chide scold laud defend
challenge reject refer deride trumpet snipe gripe grumble rant cheer thank exhort liken reference
compare nickname express attack sing fret ponder`;

/** Cues whose object is the listener (`told reporters`), never the speaker. */
const LISTENER_CUE_LEMMAS = `tell ask assure inform remind warn urge advise counsel beg`;

/** Cues that need a particle (`shot back`, `went on`, `pointed out`). */
const PARTICLE_CUES: Record<string, string> = {
  shoot: "back", fire: "back", hit: "back", go: "on", point: "out", chime: "in", weigh: "in", speak: "out",
};
const PARTICLE_CUE_FORMS: Record<string, string> = {
  went: "go", goes: "go", going: "go", gone: "go", go: "go",
  fired: "fire", fires: "fire", firing: "fire", fire: "fire",
  pointed: "point", points: "point", pointing: "point", point: "point",
  chimed: "chime", chimes: "chime", chiming: "chime", chime: "chime",
  weighed: "weigh", weighs: "weigh", weighing: "weigh", weigh: "weigh",
  spoke: "speak", speaks: "speak", speaking: "speak", speak: "speak",
  shot: "shoot", shoots: "shoot", shooting: "shoot", shoot: "shoot",
  hit: "hit", hits: "hit", hitting: "hit",
};

function inflections(entry: string): { lemma: string; forms: string[] } {
  const double = entry.endsWith("+");
  const [lemma = "", ...irregular] = entry.replace(/\+$/, "").split("/");
  const last = lemma.charAt(lemma.length - 1);
  const consonantY = /[^aeiou]y$/.test(lemma);
  const third = /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : consonantY ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const past = consonantY ? `${lemma.slice(0, -1)}ied` : last === "e" ? `${lemma}d` : double ? `${lemma}${last}ed` : `${lemma}ed`;
  const ing = lemma.endsWith("ie")
    ? `${lemma.slice(0, -2)}ying`
    : last === "e" && !/(?:ee|ye|oe)$/.test(lemma)
      ? `${lemma.slice(0, -1)}ing`
      : double
        ? `${lemma}${last}ing`
        : `${lemma}ing`;
  const forms = [lemma, third, ing, ...(irregular.length > 0 ? irregular : [past])];
  return { lemma, forms };
}

const cueLemmaOf = new Map<string, string>();
for (const entry of CUE_LEMMAS.split(/\s+/)) {
  if (entry === "") continue;
  const { lemma, forms } = inflections(entry);
  for (const f of forms) if (!cueLemmaOf.has(f)) cueLemmaOf.set(f, lemma);
}

/** The lemma of a reporting verb form (`said` → `say`), or undefined. Lower case in, as written. */
export function cueLemma(word: string): string | undefined {
  return cueLemmaOf.get(word);
}

/** The lemma of a particle cue's verb (`went` → `go`) and the particle it needs (`on`). */
export function particleCue(word: string): { lemma: string; particle: string } | undefined {
  const lemma = PARTICLE_CUE_FORMS[word];
  if (lemma === undefined) return undefined;
  const particle = PARTICLE_CUES[lemma];
  return particle === undefined ? undefined : { lemma, particle };
}

export const WEAK_CUES = wordSet(WEAK_CUE_LEMMAS);
export const LISTENER_CUES = wordSet(LISTENER_CUE_LEMMAS);

/** Cues that give something a name: a title-case quotation after one is the name they gave (`called him “Little Marco”`). */
export const NAMING_CUES = wordSet(`call dub label brand term nickname refer liken compare describe`);

/**
 * Nouns that present the quotation right after them as someone's words: `the phrase
 * “self-deportation”`, `his slogan, “Make America Great Again”`, `chants of “Bobby!”`.
 */
export const WORDING_NOUNS = wordSet(`phrase phrases slogan slogans term terms words word motto nickname
nicknames label catchphrase mantra refrain chant chants cry rallying message line lines quip tagline
expression remark remarks description`);

/** Verbs that put out a statement (`Trump issued a statement: “...”`): their subject speaks. */
export const STATEMENT_VERBS = wordSet(`issued issues released releases posted posts made makes gave gives sent sends
put puts delivered delivers offered offers published publishes tweeted tweets wrote writes shared shares`);

/** Nouns of saying that a possessor speaks through (`Trump’s claim that “...”`). */
export const SPEECH_NOUNS = wordSet(`
statement statements remark remarks comment comments claim claims words tweet tweets promise
promises pledge pledges assertion assertions description message messages speech speeches
warning warnings response reply answer quip quote quotes declaration accusation accusations
argument arguments call insistence vow vows slogan motto letter memo post posts email emails op-ed
testimony
`);

/**
 * Words that may stand between a speaker and the cue (`Trump has also said`,
 * `Ushakov recently told`) or after it (`said again`).
 */
export const CUE_AUXILIARIES = wordSet(`
has have had was were is are be been being will would could can may might must shall should did
does do also then later once again previously earlier recently reportedly repeatedly frequently
often never not n't even still just already always first finally further further flatly
simply only subsequently quickly immediately promptly openly publicly privately bluntly
initially allegedly apparently famously memorably ultimately twice
`);

/** Words that open a reported clause after a cue (`said that`, `said if`, `said he`). */
export const CLAUSE_OPENERS = wordSet(`that if whether he she they it we i there this these those his her their`);

/** Nouns that describe a news outlet (`the daily`, `the newspaper`). */
export const MEDIA_NOUNS = wordSet(`
daily newspaper paper broadcaster channel outlet network tabloid magazine publication station
website site weekly journal agency wire
`);

/** Nouns that describe an organization (`the ministry`, `the committee`). */
export const ORG_NOUNS = wordSet(`
company firm group ministry department agency government party organization organisation committee
bank council administration office union commission court board institute foundation association
corporation league federation movement coalition alliance army military police
`);

/** Nouns of written reports that speak for their outlet (`the report says`, `the piece notes`). */
export const REPORT_NOUNS = wordSet(`report piece article story editorial column investigation analysis account`);

/**
 * Nouns that describe a person (`the Russian president`, `the senator`): resolved to a
 * person the article gave that title or description.
 */
export const PERSON_NOUNS = wordSet(`
president vice-president president-elect premier chancellor minister secretary senator congressman
congresswoman representative lawmaker legislator governor mayor ambassador envoy diplomat king queen
prince princess emperor pope cardinal archbishop bishop reverend pastor imam rabbi judge justice
attorney lawyer general colonel commander admiral officer chairman chairwoman chair chief director
spokesman spokeswoman spokesperson aide adviser advisor leader speaker candidate nominee
front-runner frontrunner commissioner inspector detective agent coach manager executive ceo founder
businessman businesswoman billionaire mogul tycoon developer investor economist analyst strategist
pollster consultant operative activist author writer journalist reporter columnist editor anchor
host commentator professor scholar historian scientist doctor physician surgeon actor actress singer
rapper star comedian player father mother son daughter wife husband brother sister widow official
sheriff prosecutor superintendent treasurer lieutenant captain sergeant soldier veteran
`);

/** Leading words of a description that introduce a sentence's subject after a comma. */
export const SENTENCE_ADVERBIALS = wordSet(`
in on at after before during when while as since until once although though because if by for with
from under over through despite following amid according later earlier meanwhile still yet so but
and then now today yesterday last this hours days weeks months moments minutes years instead also
however indeed moreover separately speaking asked pressed
`);

/** Prepositions: a name right after one is not a clause's subject. */
export const PREPOSITIONS = wordSet(`
of for to in on at by with from about against among between into onto over under after before
during without within toward towards like than upon via per behind beside besides near across
around through throughout amid including
`);
