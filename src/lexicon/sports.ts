// Words that mark a sports report, where city names are often clubs: read by the pipeline's
// place retyping (src/analysis/place-mentions.ts) and by place resolution (src/resolve/places.ts).

/** Words that make a report a sports report: club readings of city names need two of them. */
const SPORT_WORDS = /\b(?:coach|manager|striker|midfielder|defender|goalkeeper|league|cup|match|season|club|fixture|squad|transfer|goal|goals|scored|champions|derby|premiership|la liga|serie a|bundesliga|uefa|fifa|stadium|rugby|fly-half|scrum-half|hooker|flanker|full-back|tries|wicket|wickets|innings|batsman|bowler|referee|half-time|kick-off|semi-final|quarter-final|heineken cup|six nations)\b/giu;

/** The last text asked about: extraction and resolution both ask, one after the other, for each article. */
let last: { text: string; sports: boolean } | undefined;

export function isSportsReport(text: string): boolean {
  if (last?.text !== text) last = { text, sports: (text.match(SPORT_WORDS)?.length ?? 0) >= 3 };
  return last.sports;
}
