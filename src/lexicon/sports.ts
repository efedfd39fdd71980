// Words that mark a sports report, where city names are often clubs: read by the pipeline's
// place retyping (src/analysis/place-mentions.ts) and by place resolution (src/resolve/places.ts);
// and the sport a report is about, by which resolution keys clubs named by their town and
// national sides (src/resolve/index.ts).

/**
 * Words that make a report a sports report: club readings of city names need two of them.
 * ASCII words: no `u` flag (see MARKERS).
 */
const SPORT_WORDS = /\b(?:coach|manager|striker|midfielder|defender|goalkeeper|league|cup|match|season|club|fixture|squad|transfer|goal|goals|scored|champions|derby|premiership|la liga|serie a|bundesliga|uefa|fifa|stadium|rugby|fly-half|scrum-half|hooker|flanker|full-back|tries|wicket|wickets|innings|batsman|bowler|referee|half-time|kick-off|semi-final|quarter-final|heineken cup|six nations)\b/gi;

/** The last text asked about: extraction and resolution both ask, one after the other, for each article. */
let last: { text: string; sports: boolean } | undefined;

export function isSportsReport(text: string): boolean {
  if (last?.text !== text) {
    // Three words decide: the scan stops at the third.
    let found = 0;
    SPORT_WORDS.lastIndex = 0;
    while (found < 3 && SPORT_WORDS.exec(text)) found++;
    last = { text, sports: found >= 3 };
  }
  return last.sports;
}

/**
 * Words that name one sport, or a post, event or feat found in that sport only. A club
 * named by its town (`Northampton`) or a national side named by its country (`England`)
 * is a different body in each sport, so resolution keys them by the report's sport.
 * No word that is also common outside sport (`tries`, `rebounds`).
 */
const SPORT_MARKERS: readonly (readonly [sport: string, name: string, words: string])[] = [
  ["soccer", "soccer|association football", "footballers?|striker|midfielder|goalkeeper|uefa|fifa|world cup qualifier|serie a|bundesliga|la liga"],
  ["rugby union", "rugby union|rugby(?! league)", "scrum-half|fly-half|flanker|heineken cup|try-scorer"],
  ["rugby league", "rugby league", "super league"],
  ["cricket", "cricket", "cricketers?|wickets?|innings|batsman|batsmen|bowler|one-day(?:er)?|test match|lbw|county championship|close of play"],
  ["tennis", "tennis", "fed cup|davis cup|tiebreak|wimbledon"],
  ["baseball", "baseball", "pitcher|shortstop|home runs?|homers?|rbi"],
  ["basketball", "basketball", "nba|slam dunk"],
  ["ice hockey", "ice hockey|hockey", "nhl|power-play goal"],
  ["american football", "american football", "nfl|quarterback|touchdowns?"],
];

/**
 * All markers in one pattern, a group per sport's name and one per its other words
 * (groups 2k+1 and 2k+2 for SPORT_MARKERS[k]): one pass over the text instead of one per
 * list. ASCII words: no `u` flag, which makes a case-insensitive scan several times slower.
 */
const MARKERS = new RegExp(`\\b(?:${SPORT_MARKERS.map(([, name, words]) => `(${name})|(${words})`).join("|")})\\b`, "gi");

/** A sport named outright weighs this many of its other markers. */
const NAMED_WEIGHT = 3;
/**
 * The least weight that makes a report one about its sport, unless it is a sports report
 * (isSportsReport): two posts or feats, or the sport named; one in passing is not enough
 * (`a cricket sponsorship`, `an NFL owner`).
 */
const MIN_WEIGHT = 2;

let lastSport: { text: string; sport: string | null } | undefined;

/** The sport a report is about: the one it names (or whose markers it names) most, at least MIN_WEIGHT and more than any other; else null. */
export function sportOf(text: string): string | null {
  if (lastSport?.text === text) return lastSport.sport;
  const weights = new Array<number>(SPORT_MARKERS.length).fill(0);
  for (const m of text.matchAll(MARKERS)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    weights[(group - 1) >> 1]! += group % 2 === 1 ? NAMED_WEIGHT : 1;
  }
  let best: string | null = null;
  let top = 0;
  let second = 0;
  for (const [k, [sport]] of SPORT_MARKERS.entries()) {
    const n = weights[k] as number;
    if (n > top) [best, top, second] = [sport, n, top];
    else if (n > second) second = n;
  }
  const enough = top >= MIN_WEIGHT || (top > 0 && isSportsReport(text));
  lastSport = { text, sport: enough && top > second ? best : null };
  return lastSport.sport;
}

