// Place mentions the tagger and the gazetteers get wrong, typed by their context:
//  - a state abbreviation typed an organization (`N.H.`, `S.C.`) is a place;
//  - a benchmark crude named after a place (`Brent crude`, `Brent oil`) is no place, nor
//    a place name opening a title (`Georgia On My Mind`), after words that introduce a
//    title (`the film Elizabeth`) or alone in quotes (`as "Pocahontas"`);
//  - outside sports, a town's name listed among companies is a company (`Disney, and Buena Vista`)
//    (among people, a person: `Spider-Man or Batman`),
//    as is one whose shares are traded (`shares in Cegetel`); a university or brand is no place
//    (`a Stanford alumna`, `Converse sneakers`), nor `And City` or a bare `Central`; a name
//    ending in the surname of a person the article names is a person (`Ivanka Trump`); a
//    firm's possessions make it a firm (`Harrah's casino`, `Jupiter research`), as does a
//    newspaper's last word (`the Hollywood Reporter`); `Latina` names people, `the
//    Championship` a competition, `City Hall` no one place, `Places in the Heart` a film;
//  - a city name that is a football club in a sports report (`sacked by Valencia`,
//    `the Valencia coach`, `Real Madrid, Barcelona and Valencia`, a team sheet's
//    `A Troncon (Treviso)`) is an organization;
//  - a name that is the given name or surname of a person the article names
//    (`Victoria` beside `Victoria Beckham`, `Jackson` beside `Janet Jackson`) is that person,
//    unless it is a country, a US state or a curated city.
// Pure: text and mentions in, mentions out.
import type { Mention } from "../domain/extraction.ts";
import { lookupCountry } from "../lexicon/countries.ts";
import { isKnownOrganization } from "../lexicon/organizations.ts";
import { isFamousSurname, isGivenName } from "../lexicon/names.ts";
import { cityCandidates, hasPlaceWord, placeAlias, isUsStateName, lookupCity, lookupRegion, regionCandidates, stateOfAbbreviation } from "../lexicon/places.ts";
import { isSportsReport } from "../lexicon/sports.ts";

const CRUDE_AFTER = /^\s+(?:crude|oil|futures|blend|benchmark)\b/iu;
/**
 * A place name opening a title in title case (`Georgia On My Mind`, `Georgia on My Mind`):
 * a capitalised preposition, or one before a capitalised possessive, goes on the title.
 */
/** A work's title after words that introduce one (`the film Elizabeth`, `her performance in Monster`, `star in Fingersmith`). */
const TITLE_BEFORE = /\b(?:film|films|movie|novel|book|play|musical|album|single|song|series|drama|sitcom|performance in|role in|star in|starred in|starring in|seen in|appeared in|appears in|adaptation of|number \w+ with)\s+$/iu;
/** A company's name: `shares in Cegetel`, `a stake in Yukos`, `a spokesman for Platte River`. */
const COMPANY_BEFORE = /\b(?:shares in|stake in|shares of|stake of|shareholders in|bid for|spokesman for|spokeswoman for|spokesperson for|provider|maker|manufacturer|firm|company|giant|operator|retailer|carrier|subsidiary|producer|brewer|insurer|lender)\s+$/iu;
/** `People in Fort Pierce said`: the town is where the speakers are, not the speaker. */
const PREPOSITION_BEFORE = /\b(?:in|at|from|of|near|across|around|outside|to)\s+(?:the\s+)?$/iu;
/** `Sharon, Connecticut`, `Paris, France`: a state or country right after a comma says the name is a place. */
function qualifiedAsPlace(m: Mention, text: string): boolean {
  const next = /^,\s*(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)/u.exec(text.slice(m.end, m.end + 30))?.[1];
  return next !== undefined && (stateOfAbbreviation(next) !== undefined || stateOfAbbreviation(next.split(/\s/u)[0]!) !== undefined || isUsStateName(next) || isUsStateName(next.split(/\s/u)[0]!) || lookupCountry(next) !== undefined);
}
/** A town's name that speaks, announces or plans (`Fairmont said it planned`): a company or body; a country or major city doing so is its government, and stays a place. */
const SPEAKS_AFTER = /^\s+(?:said|says|announced|announces|reported|reports|plans|planned|declined|confirmed|denied)\b/u;
/** A university, brand, show, work or genre, not the place: `a Stanford alumna`, `Converse sneakers`, `Opera band Il Divo`, `Grange Hill actress`, `the Pontiac G6`, `Garfield: The Movie`, `the Obama administration`, `the Rings trilogy`, `the Wayfarer dinghy`. */
const NOT_PLACE_AFTER = /^\s+(?:alumn\w*|graduates?|professors?|students?|researchers?|sneakers|shoes|trainers|brand|band|singer|records|label|actress|actor|film|movie|album|novel|administration|trilogy|franchise|saga|soap|sitcom|dinghy|yacht|console|mold|mould)\b|^\s+\p{Lu}{1,2}\d|^:\s+The\s+\p{Lu}/iu;
/** A magazine or newspaper by the word after its name (`Time magazine`, `Kerrang! magazine`): the publication. */
const MEDIA_AFTER = /^!?\s+(?:magazine|newspaper|weekly|tabloid)\b/iu;
/** Last words of an organization's name (`Florida Legislature`, `High Court`, `Marine Corps`, `Birmingham Council`): a body, not a place. */
const BODY_LAST = /(?:\s(?:High|Supreme|Crown|Federal|District|Appeals?|Constitutional) Court|\s(?:Legislature|Corps|Council|Committee|Commission|Parliament|Assembly|Senate|Congress|Ministry|Department|Agency|Institute|Foundation|Association|Society|Church|Party|Campaign|University|College|Bank|Group|Company|Corporation|Trust|Authority|Board))$/u;
/** Events and periods, not places (`the Great Recession`, `Cold War`). */
const EVENT_LAST = /\s(?:Recession|Depression|War|Revolution|Crisis|Summit|Festival|Olympics|Games|Championships?|Awards?)$/u;
/** Capitalised words that name no place (`faith in God`, `at Christmas`, `in Cabinet`, `in Latin`). */
const NO_PLACE_WORD = /^(?:God|Heaven|Hell|Hades|Christmas|Easter|Cabinet|Latin|Parliament|Congress|Internet|Web|Spring|Summer|Autumn|Winter)$/u;
/** A body named for what it does (`Washington Institute for Near East Policy`, `Council on Foreign Relations`). */
const BODY_FOR = /\s(?:Institute|Foundation|Council|Committee|Center|Centre|Association|Society|University|College|Commission)\s(?:for|of|on)\s/u;
/** A club's name in a sports report (`Birmingham City`, `Man Utd`, `Ipswich Town`, `Derby County`). */
const CLUB_LAST = /\s(?:City|United|Utd|Rovers|Athletic|Albion|Wanderers|Town|County|Hotspur|Rangers|Villa|Argyle|Orient|Wednesday)$/u;
/** A player's position before a name in a sports report (`Chelsea left-back Wayne Bridge`). */
const POSITION_BEFORE = /\b(?:left-back|right-back|full-back|centre-back|wing-back|midfielder|striker|defender|goalkeeper|keeper|winger|forward|fly-half|scrum-half|flanker|hooker|prop|lock|centre|skipper|captain)\s+$/iu;
/** A firm's possessions (`Harrah's casino`, `Sega's launch title`): the firm. */
const FIRM_AFTER = /^['’]s\s+(?:casino|hotel|shares|profits?|sales|chief|boss|launch|products?|stores?|restaurant|revenues?|earnings)\b/iu;
/** A title in title case running into the name (`Places in the Heart`, `Door in the Mountain`, `Nightmare On Elm Street`). */
const TITLE_RUN_BEFORE = /(?:^|[^.!?]\s)\p{Lu}\p{Ll}+\s+(?:in|of|on)\s+the\s+$|\p{Lu}\p{Ll}+\s+(?:On|In|Of|At|From|To|Under|Over)\s+$/u;
/** People, competitions and generic buildings, not places of their own: `a wise Latina`, `the Championship`, `City Hall` (whose?), `the High Street`. */
const PEOPLE_WORD = /^(?:Latina|Latino|Latinas|Latinos|Hispanic|Hispanics|Championship|Premiership|Premier League|League One|League Two|Champions League|Super League|Six Nations|Bafta|Baftas|Oscars|Grammys|Emmys|City Hall|Town Hall|High Street|Main Street|Downtown|Uptown)$/u;
/** A newspaper or magazine by its last word (`the Hollywood Reporter`, `the Yorkshire Post`). */
const MEDIA_LAST = /\s(?:Reporter|Times|Post|News|Journal|Herald|Telegraph|Gazette|Tribune|Mail|Standard|Observer|Chronicle|Examiner|Register|Courier|Inquirer)$/u;
/** A firm by the word after it: `Jupiter research`, `Nomura Securities`. */
const FIRM_WORD_AFTER = /^\s+(?:research|analysts?|consultancy|consultants|securities|capital|partners)\b/iu;
/** A sentence-opening conjunction the tagger took into a name (`And City seemed content`). */
const CONJUNCTION_FIRST = /^(?:And|But|Or|So|Yet|Then|Also|With|Without|After|Before|While|When|Since|As|If)\s/u;
/** Direction adjectives alone (`Central and South Asia`): half of a name, never one. */
const BARE_ADJECTIVE = /^(?:Central|Northern|Southern|Eastern|Western|Upper|Lower)$/u;
/** A name alone in quotes (`referring to Warren as "Pocahontas"`): a nickname or a title, not a place. */
const QUOTED = (text: string, m: Mention): boolean => /["“'‘]/u.test(text[m.start - 1] ?? "") && /["”'’]/u.test(text[m.end] ?? "") && !/['’]/u.test(text[m.start - 1] ?? "");
const TITLE_AFTER = /^\s+(?:On|In|Of|To|At|For|From)\s+(?:My|Your|Our|Their|His|Her|The|A)\s+\p{Lu}|^\s+(?:on|in|of)\s+(?:My|Your|Our|Their)\s+\p{Lu}/u;

/** Club readings right after a name: `Valencia coach`, `Valencia's striker`, `Valencia 2-1`, `Coventry, whom he led`. */
const CLUB_AFTER = /^,\s+(?:whom|who)\b|^(?:['’]s)?\s+(?:coach|manager|boss|job|striker|midfielder|defender|goalkeeper|captain|player|players|fans|side|team|squad|president|chairman|supporters)\b|^\s+\d{1,2}\s*[-–]\s*\d{1,2}\b(?!-)|^\s+\d{1,2}\s+\p{Lu}/iu;
/** Club readings right before a name: `sacked by Valencia`, `charge of Valencia`, `beat Valencia`. */
const CLUB_BEFORE = /\b(?:in charge at|rated at|with at|spell at|career at|sacked by|charge of|joined|join|signed for|signed from|move to|moved to|loan to|loan from|on loan at|beat|beaten by|defeat to|defeated|drew with|draw with|lost to|win over|victory over|coach of|manager of|linked with|hands of|against|versus|vs\.?|v|(?:game|match|clash|tie) with|faces?|facing)\s+$/iu;

/** A transfer between clubs: `arriving at Liverpool from Valencia`, `signed by Chelsea from Porto`, `interest from Hamburg`. */
const TRANSFER_FROM = /\b(?:arriv|join|sign|mov|transfer|interest|bid|offer)\w*\b[^.]{0,40}\bfrom\s+$/iu;

/** A city (not a country or US state) that a sports report names as a club; `prev`/`next` are its neighbours in text order. */
function isClub(m: Mention, text: string, prev: Mention | undefined, next: Mention | undefined, clubs: ReadonlySet<string>): boolean {
  if (lookupCountry(m.text) || isUsStateName(m.text)) return false;
  if (CLUB_AFTER.test(text.slice(m.end, m.end + 30)) || CLUB_BEFORE.test(text.slice(Math.max(0, m.start - 25), m.start))) return true;
  if (TRANSFER_FROM.test(text.slice(Math.max(0, m.start - 70), m.start))) return true;
  // A team sheet's club after its player: `L Orquera (Padova), A Troncon (Treviso)`.
  if (prev?.type === "PERSON" && /^\s*\($/u.test(text.slice(prev.end, m.start)) && text[m.end] === ")") return true;
  // In a list with clubs: `Real Madrid, Barcelona and Valencia`.
  const isClubName = (o: Mention) =>
    clubs.has(o.text) ||
    (o.type === "ORGANIZATION" && (/\b(?:Real|FC|United|City|Athletic|Atletico|Inter|AC|Juventus|Sporting|Bayern|Borussia)\b/u.test(o.text) || lookupCity(o.text) !== undefined || cityCandidates(o.text).length > 0));
  const listed = (between: string) => /^(?:,\s*|\s+and\s+|\s+or\s+)$/u.test(between);
  return (prev !== undefined && isClubName(prev) && listed(text.slice(prev.end, m.start))) || (next !== undefined && isClubName(next) && listed(text.slice(m.end, next.start)));
}

/** Two or three words ending in the surname of a person the article names, not opened by a place word (`Fort Jackson`, `New Lincoln`). */
function isPersonName(text: string, nameParts: ReadonlySet<string>): boolean {
  const words = text.split(/\s+/u);
  if (words.length < 2 || words.length > 3) return false;
  return nameParts.has(words[words.length - 1]!) && !/^(?:Fort|Ft\.|Mount|Mt\.|Lake|Port|Cape|New|North|South|East|West|San|Santa|Saint|St\.?|Upper|Lower|Great|Little|Old)$/u.test(words[0]!) && !/^(?:Tower|Village|Park|Street|Square|Center|Centre|Hall|Plaza|Hotel)$/u.test(words[words.length - 1]!);
}

/** A university by its town's name (`law degrees at Harvard`, `studied at Yale`), not the town. */
const STUDY_BEFORE = /\b(?:degrees? (?:\w+ )?(?:at|from)|studied at|studying at|graduated from|graduate of|professor at|lecturer at|students? at|educated at|enrolled at|dropped out of)\s+$/iu;

/** Two or three words opened by a given name or closed by a well-known surname, with no place word (`Ron Paul`, `Mitt Romney`; not `Jackson Park`). */
function looksLikePerson(name: string): boolean {
  const words = name.split(/\s+/u);
  if (words.length < 2 || words.length > 3 || hasPlaceWord(name) || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return false;
  return isGivenName(words[0]!) || isFamousSurname(words[words.length - 1]!);
}

/** The type of a list (`A, B and C`) whose listed neighbours are all organizations, or all people (`Spider-Man or Batman`). */
function listedWith(m: Mention, text: string, prev: Mention | undefined, next: Mention | undefined): "ORGANIZATION" | "PERSON" | undefined {
  const listed = (between: string) => /^(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$/u.test(between);
  const neighbours = [prev && listed(text.slice(prev.end, m.start)) ? prev : undefined, next && listed(text.slice(m.end, next.start)) ? next : undefined].filter((o): o is Mention => o !== undefined);
  const type = neighbours[0]?.type;
  return (type === "ORGANIZATION" || type === "PERSON") && neighbours.every((o) => o.type === type) ? type : undefined;
}

/**
 * A player in a team list (`Subs Not Used: Morris, Wardley, Newey`, `Leeds: Balshaw; Rees,
 * Christophers`): one capitalised word between list separators whose neighbours are no
 * places (a list of towns, `Klin, Ivanovo, Saransk`, stays places).
 */
function inTeamList(m: Mention, text: string, prev: Mention | undefined, next: Mention | undefined): boolean {
  if (lookupCountry(m.text) || isUsStateName(m.text) || lookupCity(m.text) || /\s/u.test(m.text)) return false;
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  const after = text.slice(m.end, m.end + 30);
  if (!/[,;:]\s*$/u.test(before)) return false;
  // The list's last name (`Subs Not Used: Jaidi, Poole.`) closes it after a player.
  const lastAfterPlayer = /^\.\s/u.test(after) && prev?.type === "PERSON" && /^,\s*$/u.test(text.slice(prev.end, m.start));
  if (!lastAfterPlayer && !/^\s*(?:\(\p{Lu}[\p{L}'’-]+ \d|[,;]\s*\p{Lu}[\p{L}'’-]+\s*[,;.(])/u.test(after)) return false;
  const near = (o: Mention | undefined) => o !== undefined && o.type === "PLACE" && Math.min(Math.abs(o.end - m.start), Math.abs(m.end - o.start)) <= 3;
  return !near(prev) && !near(next);
}

/**
 * A dateline opening a line: a place in capitals before a date, a comma or a dash
 * (`BUDAPEST 1996-08-30`, `TALLAHASSEE, Fla. —`, `CAMBRIDGE, Mass., Dec. 11`).
 */
const DATELINE = /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu}.'’-]*(?:[ \t]\p{Lu}[\p{Lu}.'’-]*){0,3})(?=,[ \t]|[ \t]+\d{4}-\d{2}-\d{2}|[ \t]+[—–-][ \t]|[ \t]+\((?:AP|Reuters|AFP|UPI)\))/gu;

/** True for a name the gazetteer knows as a country, region or city (any case). */
function knownPlace(name: string): boolean {
  return lookupCountry(name) !== undefined || lookupCity(name) !== undefined || lookupRegion(name) !== undefined || cityCandidates(name).length > 0 || regionCandidates(name).length > 0 || placeAlias(name.replace(/^the\s+/iu, "")) !== undefined;
}

function datelines(text: string, mentions: readonly Mention[]): { add: Mention[]; retype: Set<Mention> } {
  const add: Mention[] = [];
  const retype = new Set<Mention>();
  for (const d of text.matchAll(DATELINE)) {
    const name = d[1]!;
    if (name.replace(/[^\p{Lu}]/gu, "").length < 2 || !knownPlace(name)) continue;
    const start = d.index + d[0].length - name.length;
    const end = start + name.length;
    const overlapping = mentions.filter((m) => m.start < end && start < m.end);
    if (overlapping.length === 0) add.push({ type: "PLACE", text: name, start, end });
    else if (overlapping.length === 1 && overlapping[0]!.start === start && overlapping[0]!.end === end) retype.add(overlapping[0]!);
  }
  return { add, retype };
}

/** `met in Lyon, France`, `near Lyon`: a city's name typed as an organization that the words place on the map. */
function placeContext(m: Mention, text: string, placeStarts: ReadonlySet<number>): boolean {
  if (/\b(?:in|near|outside)\s+$/u.test(text.slice(Math.max(0, m.start - 8), m.start))) return true;
  const after = /^,\s*/u.exec(text.slice(m.end, m.end + 3));
  if (!after) return false;
  const at = m.end + after[0].length;
  return placeStarts.has(at) || stateOfAbbreviation(text.slice(at, at + 6).split(/[\s,]/u)[0] ?? "") !== undefined;
}

export function retypePlaces(found: readonly Mention[], text: string): Mention[] {
  const lines = datelines(text, found);
  const mentions = lines.add.length === 0 && lines.retype.size === 0 ? found : [...found.map((m) => (lines.retype.has(m) ? { ...m, type: "PLACE" as const } : m)), ...lines.add].sort((a, b) => a.start - b.start);
  const sports = isSportsReport(text);
  const nameParts = new Set<string>();
  for (const m of mentions) {
    // A person's name the tagger typed an organization (`Merrick Garland`) still names a person.
    if (m.type !== "PERSON" && !(m.type === "ORGANIZATION" && looksLikePerson(m.text))) continue;
    const words = m.text.split(/\s+/u);
    if (words.length < 2) continue;
    nameParts.add(words[0]!);
    nameParts.add(words[words.length - 1]!);
  }
  const out: Mention[] = [];
  const clubs = new Set<string>();
  const placeStarts = new Set(mentions.filter((m) => m.type === "PLACE").map((m) => m.start));
  for (let i = 0; i < mentions.length; i++) {
    let m = mentions[i]!;
    // `the Palmetto state`: the tagger left a nickname's `state` out.
    if (m.type === "PLACE" && /^\s+state\b/iu.test(text.slice(m.end, m.end + 7)) && placeAlias(`${m.text} state`) !== undefined) {
      m = { ...m, text: text.slice(m.start, m.end + 6), end: m.end + 6 };
    }
    // `New South Wales`: the tagger left `New` out of a region's name.
    if (m.type === "PLACE" && text.slice(Math.max(0, m.start - 4), m.start) === "New " && regionCandidates(`New ${m.text}`).length > 0) {
      m = { ...m, text: `New ${m.text}`, start: m.start - 4 };
    }
    if (m.type === "ORGANIZATION" && stateOfAbbreviation(m.text) && /\./u.test(m.text)) {
      out.push({ ...m, type: "PLACE" });
      continue;
    }
    if (m.type === "ORGANIZATION" && !sports && !isKnownOrganization(m.text) && cityCandidates(m.text).length > 0 && placeContext(m, text, placeStarts)) {
      out.push({ ...m, type: "PLACE" });
      continue;
    }
    if (m.type !== "PLACE") {
      out.push(m);
      continue;
    }
    if (CRUDE_AFTER.test(text.slice(m.end, m.end + 12)) || TITLE_AFTER.test(text.slice(m.end, m.end + 24))) continue;
    // `Amer- ica`: half of a word broken across a line; `Wham!`, `Kerrang!`: a band's or magazine's name.
    if (/^(?:-\s+\p{Ll}|!)/u.test(text.slice(m.end, m.end + 3)) && !knownPlace(m.text)) continue;
    if (inTeamList(m, text, mentions[i - 1], mentions[i + 1])) {
      out.push({ ...m, type: "PERSON" });
      continue;
    }
    if (sports && isClub(m, text, mentions[i - 1], mentions[i + 1], clubs)) {
      const club = { ...m, type: "ORGANIZATION" as const };
      out.push(club);
      clubs.add(m.text);
      continue;
    }
    if (nameParts.has(m.text) && !lookupCountry(m.text) && !isUsStateName(m.text) && !lookupCity(m.text) && !qualifiedAsPlace(m, text)) {
      out.push({ ...m, type: "PERSON" });
      continue;
    }
    const major = lookupCountry(m.text) !== undefined || isUsStateName(m.text) || lookupCity(m.text) !== undefined || lookupRegion(m.text) !== undefined;
    if (!major && (TITLE_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start)) || QUOTED(text, m) || NOT_PLACE_AFTER.test(text.slice(m.end, m.end + 16)))) continue;
    if (CONJUNCTION_FIRST.test(m.text) || BARE_ADJECTIVE.test(m.text) || PEOPLE_WORD.test(m.text)) continue;
    if (!major && TITLE_RUN_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) continue;
    // Names no gazetteer knows, by their own words: a period or event (`the Great Recession`),
    // a word that names no place (`faith in God`), a body (`Florida Legislature`), a
    // publication (`Time magazine`), a club (`Birmingham City` in a sports report) or a
    // person (`Mitt Romney`, `Ron Paul`; `left-back Wayne Bridge` in a sports report).
    const unknown = !major && !knownPlace(m.text);
    if ((!major && NO_PLACE_WORD.test(m.text)) || (unknown && EVENT_LAST.test(m.text))) continue;
    if (unknown && (BODY_LAST.test(m.text) || BODY_FOR.test(m.text) || MEDIA_AFTER.test(text.slice(m.end, m.end + 14)) || (CLUB_LAST.test(m.text) && (sports || TRANSFER_FROM.test(text.slice(Math.max(0, m.start - 70), m.start)))))) {
      out.push({ ...m, type: "ORGANIZATION" });
      continue;
    }
    if (unknown && ((sports && POSITION_BEFORE.test(text.slice(Math.max(0, m.start - 14), m.start))) || looksLikePerson(m.text))) {
      out.push({ ...m, type: "PERSON" });
      continue;
    }
    // `in Shakespeare's Merchant of Venice`: a name the gazetteer does not know, owning a title.
    if (!major && !knownPlace(m.text) && /^['’]s\s+\p{Lu}/u.test(text.slice(m.end, m.end + 4))) continue;
    if (!major && (FIRM_AFTER.test(text.slice(m.end, m.end + 16)) || FIRM_WORD_AFTER.test(text.slice(m.end, m.end + 16)) || MEDIA_LAST.test(m.text) || (SPEAKS_AFTER.test(text.slice(m.end, m.end + 12)) && !PREPOSITION_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))) || (/\sCity$/u.test(m.text) && /^\s+Council/u.test(text.slice(m.end, m.end + 10))))) {
      out.push({ ...m, type: "ORGANIZATION" });
      continue;
    }
    if (!major && isPersonName(m.text, nameParts)) {
      // `Ivanka Trump's den` beside `Donald Trump`: a person of the article's family of names.
      out.push({ ...m, type: "PERSON" });
      continue;
    }
    if (!major && (COMPANY_BEFORE.test(text.slice(Math.max(0, m.start - 20), m.start)) || STUDY_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)))) {
      out.push({ ...m, type: "ORGANIZATION" });
      continue;
    }
    // In a sports report a list with clubs is settled above (isClub); a player's full name listed with players is a player (`John Terry and Wayne Bridge`).
    const listType = !major ? listedWith(m, text, mentions[i - 1], mentions[i + 1]) : undefined;
    if (listType && (!sports || (listType === "PERSON" && /\s/u.test(m.text) && isGivenName(m.text.split(/\s+/u)[0]!)))) {
      // `studios such as MGM Studios, Disney, and Buena Vista`: a company in a list of companies.
      out.push({ ...m, type: listType });
      continue;
    }
    out.push(m);
  }
  // One reading per report: a name read as a club once is the club throughout.
  return clubs.size === 0 ? out : out.map((m) => (m.type === "PLACE" && clubs.has(m.text) ? { ...m, type: "ORGANIZATION" as const } : m));
}
