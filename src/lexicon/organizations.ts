// Organization knowledge: well-known names and acronyms that are organizations on
// their own, and the keywords that make any capitalised name an organization
// (`Washington Post`, `Al-Nusra Front`, `Ministry of Defence`).
import { memoize } from "../domain/memoize.ts";

function wordSet(list: string): Set<string> {
  return new Set(list.split(/\n/).map((w) => w.trim().toLowerCase()).filter((w) => w !== ""));
}

/** Words that, anywhere in a capitalised name, make it an organization. */
export const ORG_KEYWORDS = new Set(
  `ministry army navy air-force post front party council government times news agency bank
  committee commission corporation corp corp. inc inc. ltd ltd. plc llc group company co co. university
  college school institute institution foundation association union league organization
  organisation department office court parliament congress senate assembly service services forces
  force guard guards brigade brigades battalion regiment movement alliance coalition network channel
  television tv radio press journal herald tribune telegraph gazette chronicle magazine daily weekly
  airlines airways motors bros holdings partners fund trust club fc society federation bureau authority
  board cabinet administration police militia council church mosque hospital museum academy
  center centre campaign commission reserve exchange industries systems technologies labs
  laboratories records pictures studios entertainment media communications telecom electric energy
  petroleum oil airline railways rail brotherhood taliban caliphate hezbollah hamas`.split(/\s+/).filter((w) => w !== ""),
);

/** Organization names and acronyms known without any keyword (matched case-insensitively). */
const KNOWN_ORGANIZATIONS_TEXT = `
RT
ISIS
ISIL
IS
Islamic State
Daesh
Al Qaeda
Al-Qaeda
al-Qaida
Al Qaida
Al-Nusra
Nusra
Jabhat al-Nusra
Jabhat Fatah al-Sham
Hezbollah
Hamas
Taliban
Boko Haram
Al-Shabab
Fatah
PKK
YPG
NATO
Nato
UN
U.N.
United Nations
EU
European Union
OPEC
WHO
IMF
World Bank
WTO
OECD
G7
G20
Interpol
Red Cross
Amnesty International
Human Rights Watch
Greenpeace
White House
Kremlin
Pentagon
State Department
Downing Street
Congress
Senate
Parliament
Whitehall
Labour
Lib Dems
Liberal Democrats
Tories
Ukip
UKIP
SNP
GOP
FBI
CIA
NSA
NASA
FDA
EPA
SEC
IRS
DHS
ATF
DEA
KGB
FSB
MI5
MI6
GCHQ
NHS
BBC
CNN
MSNBC
NBC
ABC
CBS
Fox
Fox News
NPR
PBS
Reuters
AP
AFP
Bloomberg
Politico
Breitbart
Huffington Post
HuffPost
Al Jazeera
Sky News
Sky
ITV
Channel 4
Tass
TASS
Interfax
Ria Novosti
Sputnik
Xinhua
Twitter
Facebook
Google
Apple
Microsoft
Amazon
Yahoo
IBM
Intel
AOL
eBay
Netflix
YouTube
Instagram
Uber
Sony
Nintendo
Samsung
Nokia
Toyota
Honda
Ford
Boeing
Airbus
Gazprom
Rosneft
Exxon
ExxonMobil
Shell
BP
Vodafone
Volkswagen
Walmart
Goldman Sachs
JPMorgan
Citigroup
Barclays
HSBC
Deutsche Bank
Microsoft
Time Warner
TimeWarner
Disney
Manchester United
Chelsea
Arsenal
Liverpool FC
Real Madrid
Barcelona FC
Hillary for America
`;

/** Names of news media, so a later `the daily` or `the newspaper` can be resolved. */
const MEDIA_NAMES = wordSet(`
RT
BBC
CNN
MSNBC
NBC
ABC
CBS
Fox News
NPR
Reuters
AP
AFP
Bloomberg
Politico
Breitbart
Al Jazeera
Sky News
Tass
TASS
Interfax
Sputnik
Xinhua
`);

/** Keywords that mark a media organization. */
const MEDIA_KEYWORDS = new Set([
  "post", "times", "news", "journal", "herald", "tribune", "telegraph", "gazette", "chronicle",
  "daily", "weekly", "magazine", "press", "guardian", "independent", "observer", "mail", "express",
  "mirror", "sun", "star", "globe", "standard", "economist", "agency", "television", "tv", "radio",
  "channel", "network",
]);

function normal(name: string): string {
  return name.trim().replace(/\s+/g, " ").replace(/’/g, "'").toLowerCase();
}

/** Acronyms (`IS`, `WHO`, `AP`) only count written in capitals, or `Is`/`Who` would match. */
function isAcronymEntry(name: string): boolean {
  return name.length <= 6 && name === name.toUpperCase() && /[A-Z]/.test(name);
}

const KNOWN_ORG_LIST = KNOWN_ORGANIZATIONS_TEXT.split("\n").map((l) => l.trim()).filter((l) => l !== "");
const knownAcronyms = new Set(KNOWN_ORG_LIST.filter(isAcronymEntry));
const knownNames = new Set(KNOWN_ORG_LIST.filter((n) => !isAcronymEntry(n)).map(normal));

/** True when `name` is a known organization or acronym (`RT`, `ISIS`, `White House`). */
export const isKnownOrganization = memoize((name: string): boolean => {
  const trimmed = name.trim().replace(/\s+/g, " ");
  return knownAcronyms.has(trimmed) || knownNames.has(normal(trimmed));
});

/** True when any word of `name` is an organization keyword. */
export function hasOrgKeyword(words: readonly string[]): boolean {
  return words.some((w) => ORG_KEYWORDS.has(w.toLowerCase()));
}

/** True when `name` looks like a news outlet (`Washington Post`, `RT`, `Reuters`). */
export function isMediaName(name: string): boolean {
  const n = normal(name);
  if (MEDIA_NAMES.has(n)) return true;
  return n.split(/[\s-]+/).some((w) => MEDIA_KEYWORDS.has(w));
}
