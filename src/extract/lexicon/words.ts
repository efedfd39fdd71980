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
export const SPEAKER_PRONOUNS = wordSet(`he she they we i`);

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
