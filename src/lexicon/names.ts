// Person-name knowledge for the baseline mention finder: given names (a capitalised
// sequence starting with one is a person) and surnames of people who are in the news
// so often that a bare surname is safe to take as a person.
// Kept deliberately small and precise: a wrong entry turns places and companies into
// people, a missing one only costs recall until the statistical tagger arrives.

const GIVEN_NAMES = `
aaron abdel abdul abdullah abe abraham adam adrian ahmad ahmed aidan al alan alastair alex
alexander alexandra alexei alexey ali alice alicia alison alistair amanda amber amy ana andrea
andrei andrew andrés andy angela angelina angus ann anna anne annie anthony antonio arnold arthur
ashley ashraf ashton avi ayman barack barbara barry bashar ben benjamin bernard bernie beth betsy
betty bill billy bob bobby boris brad bradley brendan brian bridget bruce bryan carl carla carlos
carly carol caroline chelsea carolyn catherine cecilia charles charlie cheryl chris christian christina
christine christopher chuck cindy claire clare claude colin condoleezza connie craig cristina
curtis cynthia dale dan daniel danny darren dave david dean deborah debbie denis dennis derek diana
diane dick dmitri dmitry dominic don donald donna doug douglas duncan dwight ed eddie edward elaine
eleanor elena elizabeth ellen elton emily emma emmanuel enrique eric erik ernest evan evgeny fatima
fernando francis francisco françois frank fred frederick gary gavin gennady geoff geoffrey george
gerald gerhard gina glenn gordon graham grant greg gregory hamid hans harold harriet harry hassan
hayley heather heidi helen helmut henry herbert hilary hillary howard hugh hugo hussein ian igor
imran irene isaac jack jackie jacob jacques james jamie jan jane janet jason javier jean jeb jeff
jeffrey jennifer jeremy jerry jesse jessica jill jim jimmy joan joanna joe joel johann john johnny
jon jonathan jorge josé joseph josh joshua juan judith julia julian julie justin karen karl kate
katherine kathleen kathryn katie keith kelly ken kenneth kevin khalid kim kirsty kofi kurt kyle
larry laura lauren lawrence leon leonid lewis linda lindsey lisa lloyd lois loretta louis louise
lucy luis luke lynn madeleine maria marie mario mark martha martin mary matt matthew maureen max
megan melania melissa michael micheal michel michelle mikhail mike mitch mitt mohamed mohammad
mohammed muhammad nancy naomi osama natalie nathan neil nicholas nick nicola nicolas nigel nikolai
nina noah norman oliver olivia omar oscar owen pamela patricia patrick paul paula pedro peggy
penny peter petro petr philip phillip pierre rachel rafael ralph ramzan randy ray raymond rebecca
recep reince rex richard rick rob robert robin rod roger roman ron ronald rosa ross roy ruth ryan
saddam sadiq sally salman sam samantha samuel sandra sarah scott sean sebastian sergei sergey
sharon shaun sheila shinzo silvio simon sophie stanley stephen steve steven stuart susan suzanne
tamara ted teresa terry theresa thomas tim timothy tina todd tom tommy tony tracy valerie vanessa
victor victoria viktor vince vincent vitaly vladimir walter wayne wendy william willie xavier
yasser yulia yury yuri zachary zoe
abby adelle alberto alejandro alexis alfred allison alvaro amir amos anatoly andreas anita anton
april arkady arturo barney beatrice benedict bernadette bertrand bianca boyd brandon brett bret
brittany caitlin calvin cameron candace carrie carmen cathy chad chet clarence clark clint cody cole
conor corey cory dana darius darrell deb dee delia denise desmond devin dexter dinesh dolores dominique
doris dwayne earl edgar edith edwin eileen elijah elise eliza elliot elliott ellis elsa emil emilio
erin ernesto esther ethan eugene eva evelyn fabio faisal farid felipe felix fiona florence floyd
francesca franklin freddie gabriel gabriela gail garry gene geraldine gerard gianni gil giorgio
giovanni giuseppe glen gloria greta gus gustavo hadi haley hannah harvey hector heinz helena
herman hiroshi holly homer horst ibrahim ignacio ilya ingrid irina isabel isabella ismail ivan
ivana jaime jake janice jared jasmine jay jeanne jenna jenny jens jeremiah jerome jillian joanne
jody joey jordan jose josef joyce jules juliet june jürgen kaitlyn kamala karim kathy katrina kay
kayla keir kellyanne kendall kerry kirk klaus kristen kristin lamar lance lars leah lee leila lena
leonard leslie lester lil lily lionel liz lorenzo lorraine lucas luigi luiz lydia lyndon mahmoud
malcolm manuel marc marcel marco marcus margaret margarita marian marianne marina marion marjorie
marlon marsha marshall marvin maryam mason mathieu maurice maxine megyn mel melvin mercedes mia
miguel milton miriam mohsen molly monica morgan moshe mustafa nadia nadine nasser natasha nathaniel
ned nelson nicole nikki nils noemi nora olga oleg omid pablo pascal pat patti percy phil philippe
phoebe preet priscilla priti quentin rahm rainer ramon randall raul reggie reza rhonda ricardo
ricky rita roberto robyn rocco rodney rohan roland rolf ronnie rory rosie rudolph rudy rupert
russell sabrina salvatore sanjay santiago sara sasha saul selena serena sergio seth shane shannon
sheldon sherrod shirley sidney silvia sofia sonia spencer stacey stefan stella stephanie sue
sultan sven sylvia tad tanya ted terence thabo theo theodore tiffany toby travis trevor trey troy
tyler ulrich uma valentina valentin vera vernon veronica vic vicente victoria vijay viktor
vivian wade wallace walid warren wes wesley wilbur wilfred wolfgang yasmin yitzhak yousef yusuf
zainab zbigniew
`;

/** Given names in the list above that are (almost always) women's, for pronoun agreement. */
const FEMALE_NAMES = `
abby adelle alexandra alice alicia alison allison amanda amber amy ana andrea angela angelina anita
ann anna anne annie april ashley barbara beatrice bernadette beth betsy betty bianca bridget
brittany caitlin candace carla carly carmen carol caroline carolyn carrie catherine cathy cecilia
chelsea cheryl christina christine cindy claire clare condoleezza connie cristina cynthia dana
deb deborah debbie delia denise diana diane dolores donna doris edith eileen elaine eleanor elena
elise eliza elizabeth ellen elsa emily emma erin esther eva evelyn fatima fiona florence francesca
gabriela gail geraldine gina gloria greta haley hannah harriet heather heidi helen helena hilary
hillary holly ingrid irene irina isabel isabella ivana jackie jane janet janice jasmine jeanne jenna
jennifer jenny jessica jill jillian joan joanna joanne joyce judith julia julie juliet june kaitlyn
kamala karen kate katherine kathleen kathryn kathy katie katrina kay kayla kellyanne kirsty kristen
kristin laura lauren leah leila lena linda lindsey lisa liz lois loretta lorraine louise lucy lydia
madeleine margaret margarita maria marian marianne marie marina marjorie marsha martha mary maryam
maureen maxine megan megyn melania melissa mercedes mia michelle miriam molly monica nadia nadine
nancy naomi natalie natasha nicola nicole nikki nina noemi nora olga olivia pamela patricia patti
paula peggy penny phoebe priscilla priti rachel rebecca rhonda rita robyn rosa rosie ruth sabrina
sally samantha sandra sara sarah selena serena sharon sheila shirley silvia sofia sonia sophie stacey
stella stephanie sue susan suzanne sylvia tamara tanya teresa theresa tiffany tina tracy valentina
valerie vanessa vera veronica victoria vivian wendy yasmin yulia zainab zoe
ivanka huma hope omarosa gwen marcia sheryl meryl debra tammy terri brenda kimberly sherry
rosalind vanita tyresha tulsi nikki ayanna ilhan melanie aparna abigail alexis amelia audrey brooke
charlotte chloe claudia courtney crystal danielle dorothy erica erika frances gwendolyn jacqueline
janelle jeanette joy kara kendra kristina krystal latoya leticia lillian lindsay lucia madison
melinda meredith michele mindy norma paige renee roberta rochelle roxanne ruby shelby sonya stacy
tara tasha tonya trisha vicki wanda yolanda gennifer ronna katy mika hoda savannah elise dianne
`;

/** Given names that both men and women bear: no gender. */
const UNISEX_NAMES = `leslie robin jordan taylor morgan casey jamie kim shannon kelly`;

/**
 * Endings of family names that are rarely anything else (`Ushakov`, `Shevchenko`,
 * `Milosevic`): a capitalised pair ending in one is a person even with an unknown
 * given name.
 */
const SURNAME_ENDINGS = /(?:ov|ova|ev|eva|enko|sky|skiy|ski|ska|vich|ovic|evic|ović|ević|escu|opoulos|oglu|oğlu|shvili|adze)$/;

/** Surnames (or single names) of people prominent enough that one word suffices. */
const FAMOUS_SURNAMES = `
assad obama trump clinton putin kerry lavrov merkel hollande macron erdogan netanyahu abbas rouhani
khamenei bush cheney rumsfeld powell rice blair brown cameron osborne corbyn farage johnson
sarkozy berlusconi renzi juncker tusk medvedev gorbachev yeltsin poroshenko zelensky lukashenko
sanders cruz rubio kasich carson fiorina huckabee christie pence kaine romney mccain biden pelosi
boehner ryan mcconnell reid giuliani kushner bannon priebus comey mueller snowden assange
gaddafi qaddafi mubarak morsi sisi saddam baghdadi zawahiri nasrallah khamenei
ahmadinejad zarif modi xi castro maduro chavez annan guterres mandela mugabe zuma howard
kennedy kissinger reagan carter nixon thatcher straw prescott kennedy hague
`;

function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== ""));
}

const givenNames = wordSet(GIVEN_NAMES);
const femaleNames = wordSet(FEMALE_NAMES);
const unisexNames = wordSet(UNISEX_NAMES);
const famousSurnames = wordSet(FAMOUS_SURNAMES);

/** True for a common given name (`Donald`, `Sergey`, `Yury`), any case. */
export function isGivenName(word: string): boolean {
  return givenNames.has(word.toLowerCase());
}

/** True when the word has a family-name ending (`Akaev`, `Shevchenko`). */
export function hasSurnameEnding(word: string): boolean {
  return word.length > 4 && SURNAME_ENDINGS.test(word.toLowerCase());
}

/** True for a surname that names one well-known person on its own (`Putin`, `Kerry`). */
export function isFamousSurname(word: string): boolean {
  return famousSurnames.has(word.toLowerCase());
}

/** `f` for women's given names, `m` for other listed given names, null when unknown. */
export function givenNameGender(word: string): "f" | "m" | null {
  const w = word.toLowerCase();
  if (unisexNames.has(w)) return null;
  if (femaleNames.has(w)) return "f";
  return givenNames.has(w) ? "m" : null;
}

/** Well-known surnames of women; other famous surnames are men's, except shared ones. */
const FAMOUS_WOMEN = wordSet(`merkel pelosi fiorina thatcher lynch`);
const FAMOUS_SHARED = wordSet(`clinton bush kennedy johnson brown rice carter`);

/** Gender of a famous bare surname (`Obama` → m, `Merkel` → f), null when shared or unknown. */
export function famousSurnameGender(word: string): "f" | "m" | null {
  const w = word.toLowerCase();
  if (!famousSurnames.has(w) || FAMOUS_SHARED.has(w)) return null;
  return FAMOUS_WOMEN.has(w) ? "f" : "m";
}
