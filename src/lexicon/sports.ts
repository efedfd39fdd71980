// Words that mark a sports report, where city names are often clubs: read by the pipeline's
// place retyping (src/analysis/place-mentions.ts) and by place resolution (src/resolve/places.ts);
// and the sport a report is about, by which resolution keys clubs named by their town and
// national sides (src/resolve/index.ts).

/** Words that make a report a sports report: club readings of city names need two of them. */
const SPORT_WORDS = /\b(?:coach|manager|striker|midfielder|defender|goalkeeper|league|cup|match|season|club|fixture|squad|transfer|goal|goals|scored|champions|derby|premiership|la liga|serie a|bundesliga|uefa|fifa|stadium|rugby|fly-half|scrum-half|hooker|flanker|full-back|tries|wicket|wickets|innings|batsman|bowler|referee|half-time|kick-off|semi-final|quarter-final|heineken cup|six nations)\b/giu;

/** The last text asked about: extraction and resolution both ask, one after the other, for each article. */
let last: { text: string; sports: boolean } | undefined;

export function isSportsReport(text: string): boolean {
  if (last?.text !== text) last = { text, sports: (text.match(SPORT_WORDS)?.length ?? 0) >= 3 };
  return last.sports;
}

/**
 * Words that name one sport, or a post, event or feat found in that sport only. A club
 * named by its town (`Northampton`) or a national side named by its country (`England`)
 * is a different body in each sport, so resolution keys them by the report's sport.
 * No word that is also common outside sport (`tries`, `rebounds`).
 */
const SPORT_MARKERS: readonly (readonly [sport: string, name: RegExp, words: RegExp])[] = [
  ["soccer", /\b(?:soccer|association football)\b/giu, /\b(?:footballers?|striker|midfielder|goalkeeper|uefa|fifa|world cup qualifier|serie a|bundesliga|la liga)\b/giu],
  ["rugby union", /\b(?:rugby union|rugby(?! league))\b/giu, /\b(?:scrum-half|fly-half|flanker|heineken cup|try-scorer)\b/giu],
  ["rugby league", /\brugby league\b/giu, /\bsuper league\b/giu],
  ["cricket", /\bcricket\b/giu, /\b(?:cricketers?|wickets?|innings|batsman|batsmen|bowler|one-day(?:er)?|test match|lbw|county championship|close of play)\b/giu],
  ["tennis", /\btennis\b/giu, /\b(?:fed cup|davis cup|tiebreak|wimbledon)\b/giu],
  ["baseball", /\bbaseball\b/giu, /\b(?:pitcher|shortstop|home runs?|homers?|rbi)\b/giu],
  ["basketball", /\bbasketball\b/giu, /\b(?:nba|slam dunk)\b/giu],
  ["ice hockey", /\b(?:ice hockey|hockey)\b/giu, /\b(?:nhl|power-play goal)\b/giu],
  ["american football", /\bamerican football\b/giu, /\b(?:nfl|quarterback|touchdowns?)\b/giu],
];

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
  let best: string | null = null;
  let top = 0;
  let second = 0;
  for (const [sport, name, words] of SPORT_MARKERS) {
    const n = NAMED_WEIGHT * (text.match(name)?.length ?? 0) + (text.match(words)?.length ?? 0);
    if (n > top) [best, top, second] = [sport, n, top];
    else if (n > second) second = n;
  }
  lastSport = { text, sport: top >= (isSportsReport(text) ? 1 : MIN_WEIGHT) && top > second ? best : null };
  return lastSport.sport;
}

