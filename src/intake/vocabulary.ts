/**
 * The words of medication lines in Dutch, English and pharmacy Latin, as pieces of patterns over
 * the canonical token string (see scanner.ts: lower case, no accents, tokens separated by one
 * space, numbers written as "#", dots kept as their own token).
 */
import type { AmountUnit, TimeOfDay } from './types.js';

export const alt = (...words: string[]): string => `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;

/** "a.n." → "a(?: \.)? n(?: \.)?": an abbreviation with or without its dots. */
export const abbr = (dotted: string): string =>
  dotted
    .split('.')
    .filter(Boolean)
    .map((part) => `${part}(?: \\.)?`)
    .join(' ');

export const UNITS: Record<string, { unit: AmountUnit; factor: number }> = {
  mg: { unit: 'mg', factor: 1 },
  mgr: { unit: 'mg', factor: 1 },
  milligram: { unit: 'mg', factor: 1 },
  milligrams: { unit: 'mg', factor: 1 },
  milligramme: { unit: 'mg', factor: 1 },
  g: { unit: 'mg', factor: 1000 },
  gr: { unit: 'mg', factor: 1000 },
  gram: { unit: 'mg', factor: 1000 },
  grams: { unit: 'mg', factor: 1000 },
  gramme: { unit: 'mg', factor: 1000 },
  mcg: { unit: 'mg', factor: 0.001 },
  mcgr: { unit: 'mg', factor: 0.001 },
  'μg': { unit: 'mg', factor: 0.001 },
  ug: { unit: 'mg', factor: 0.001 },
  microgram: { unit: 'mg', factor: 0.001 },
  micrograms: { unit: 'mg', factor: 0.001 },
  microgramme: { unit: 'mg', factor: 0.001 },
  nanogram: { unit: 'mg', factor: 0.000001 },
  nanograms: { unit: 'mg', factor: 0.000001 },
  nanogramme: { unit: 'mg', factor: 0.000001 },
  ng: { unit: 'mg', factor: 0.000001 },
  iu: { unit: 'IU', factor: 1 },
  ie: { unit: 'IU', factor: 1 },
  // "Insulatard 18 E": units written after a number (a vitamin E is written before its number)
  e: { unit: 'IU', factor: 1 },
  eh: { unit: 'IU', factor: 1 },
  unit: { unit: 'IU', factor: 1 },
  'i . u .': { unit: 'IU', factor: 1 },
  'i . e .': { unit: 'IU', factor: 1 },
  'i . u': { unit: 'IU', factor: 1 },
  'i . e': { unit: 'IU', factor: 1 },
  'i u': { unit: 'IU', factor: 1 },
  'i e': { unit: 'IU', factor: 1 },
  units: { unit: 'IU', factor: 1 },
  eenheden: { unit: 'IU', factor: 1 },
  'internationale eenheden': { unit: 'IU', factor: 1 },
  'international units': { unit: 'IU', factor: 1 },
  mmol: { unit: 'mmol', factor: 1 },
  millimol: { unit: 'mmol', factor: 1 },
  millimole: { unit: 'mmol', factor: 1 },
  ml: { unit: 'ml', factor: 1 },
  cc: { unit: 'ml', factor: 1 },
  milliliter: { unit: 'ml', factor: 1 },
  millilitre: { unit: 'ml', factor: 1 },
  milliliters: { unit: 'ml', factor: 1 },
  millilitres: { unit: 'ml', factor: 1 },
  cl: { unit: 'ml', factor: 10 },
  centiliter: { unit: 'ml', factor: 10 },
  dl: { unit: 'ml', factor: 100 },
  l: { unit: 'ml', factor: 1000 },
  ltr: { unit: 'ml', factor: 1000 },
  liter: { unit: 'ml', factor: 1000 },
  litre: { unit: 'ml', factor: 1000 },
  liters: { unit: 'ml', factor: 1000 },
  litres: { unit: 'ml', factor: 1000 },
  // Household measures as defined for dosing: a tablespoon is 15 ml, a teaspoon 5 ml.
  eetlepel: { unit: 'ml', factor: 15 },
  eetlepels: { unit: 'ml', factor: 15 },
  el: { unit: 'ml', factor: 15 },
  tablespoon: { unit: 'ml', factor: 15 },
  tablespoons: { unit: 'ml', factor: 15 },
  tbsp: { unit: 'ml', factor: 15 },
  theelepel: { unit: 'ml', factor: 5 },
  theelepels: { unit: 'ml', factor: 5 },
  tl: { unit: 'ml', factor: 5 },
  teaspoon: { unit: 'ml', factor: 5 },
  teaspoons: { unit: 'ml', factor: 5 },
  tsp: { unit: 'ml', factor: 5 },
};
export const UNIT = alt(...Object.keys(UNITS).map((k) => k.replace(/\./g, '\\.')));

export function unitOf(canonical: string): { unit: AmountUnit; factor: number } | undefined {
  return UNITS[canonical];
}

/** Dosage-form units that are counted: "2 tabletten", "1-2 caps". */
export const FORM_WORD = alt(
  'tablet', 'tabletten', 'tabletje', 'tabletjes', 'tabl', 'tab', 'tabs', 'tablets',
  'bruistablet', 'bruistabletten', 'kauwtablet', 'kauwtabletten', 'smelttablet', 'smelttabletten',
  'capsule', 'capsules', 'caps', 'cap', 'capsuul', 'softgel', 'softgels', 'gelcap', 'gelcaps',
  'dragee', 'dragees', 'pil', 'pillen', 'pill', 'pills', 'zakje', 'zakjes', 'sachet', 'sachets',
  'ampul', 'ampullen', 'ampoule', 'ampoules', 'flacon', 'flacons', 'vial', 'vials',
  'stuk', 'stuks', 'st', 'piece', 'pieces', 'dosis', 'doses', 'dose', 'dosering', 'effervescent',
  // Belgian "co" / "comp" (compressé), "cp", and the counted units of injectables and inhalers
  'co', 'comp', 'compr', 'cp', 'puff', 'puffs', 'pufje', 'pufjes', 'inhalation', 'spuit', 'spuiten', 'syringe', 'syringes', 'pen', 'pennen',
  'druppel', 'druppels', 'drop', 'drops', 'gtt', 'zetpil', 'zetpillen', 'suppository', 'suppositories',
  'chewable', 'lozenge', 'lozenges', 'gummy', 'gummies', 'scoop', 'scoops', 'schepje', 'schepjes',
  // containers of drinks: counted, their volume written beside them ("1 blikje (330 ml)")
  'blikje', 'blikjes', 'blik', 'can', 'cans', 'flesje', 'flesjes', 'fles', 'flessen', 'bottle', 'bottles',
  'glas', 'glazen', 'glaasje', 'glass', 'glasses', 'beker', 'bekers', 'cup', 'cups', 'kop', 'koppen', 'kopje', 'kopjes', 'mok', 'mug',
);

/** The form words as a set: alone, without a count, they name what is taken, not how much. */
export const FORM_WORDS: ReadonlySet<string> = new Set(FORM_WORD.slice(3, -1).split('|'));

/** A number or a range of numbers: "1", "1-2", "1 à 2", "1 tot 2", "1 to 2", "1 or 2". */
export const RANGE = `#(?: (?:-|–|tot|to|a|or|of) #)?`;

/** Words that say "per day" on their own. */
export const PER_DAY = alt(
  'per dag', 'a day', 'per day', 'daily', 'dagelijks', 'daags', '\\/ dag', '\\/ day', 'each day', 'every day',
  'elke dag', 'iedere dag', 'p \\. d \\.', 'pd', 'per etmaal', 'per 24 uur', 'in 24 uur', 'in 24 hours',
  'daily dose', 'dd', 'd \\. d \\.', 'a \\. d \\.',
);

/** Times a day as a word: "tweemaal", "twice", "three times". */
export const TIMES_WORD = alt(
  'eenmaal', 'tweemaal', 'driemaal', 'viermaal', 'vijfmaal', 'zesmaal', 'once', 'twice', 'thrice',
  '(?:een|één|twee|drie|vier|vijf|zes) (?:maal|keer|x)',
  '(?:one|two|three|four|five|six) (?:times|x)',
);

export const PRN = alt(
  'zo nodig', abbr('z.n.'), 'zn', 'indien nodig', 'als het nodig is', 'bij kramp', 'bij krampen',
  'bij pijn', 'bij behoefte', 'prn', abbr('p.r.n.'), 'as needed', 'when needed', 'if needed',
  'when required', 'as required', 'on demand', 'as necessary', 'sos', 'for cramps', 'for cramp',
  // the episode it is taken for: "bij jichtaanval", "for chest pain"
  'bij (?:een )?(?:jichtaanval|aanval|pijn op de borst|hoofdpijn|misselijkheid)', 'tijdens (?:een )?(?:jichtaanval|aanval)',
  '(?:for|during|in) (?:a |an )?(?:gout )?(?:attack|flare)s?', 'for (?:chest pain|angina|headache|nausea|pain)',
);

/** What a dose may be set by: a lab value or the service that keeps the schedule. */
const DOSE_GUIDES = alt(
  'inr', 'glucose', 'bloedsuiker', 'blood sugar', 'blood glucose', 'suikerwaarde', 'glucosewaarde', 'pth', 'hb', 'hemoglobine',
  'haemoglobin', 'hemoglobin', 'ferritine', 'ferritin', 'calcium', 'fosfaat', 'phosphate', 'kalium', 'potassium', 'spiegel',
  'spiegels', 'level', 'levels', 'labs', 'lab', 'labwaarden', 'bloedwaarden', 'trombosedienst', 'trombodienst',
  'anticoagulation clinic', 'coumadin clinic', 'protocol', 'schema', 'schedule', 'sliding scale', 'anemia protocol', 'anaemia protocol',
);

/**
 * The dose follows a schedule kept elsewhere: the anticoagulation clinic's INR card, an insulin
 * sliding scale, a protocol by lab value. The line does not give what it does not say, which is a
 * plain absence, not a word left unread.
 */
export const AS_DIRECTED = alt(
  'volgens (?:het )?(?:schema|doseerschema|voorschrift|afspraak|protocol)(?: (?:van (?:de )?|vd )?(?:trombosedienst|trombodienst|arts|internist|nefroloog|diabetesverpleegkundige))?',
  `volgens (?:de |het )?${DOSE_GUIDES}`, `(?:op geleide van|o \\. g \\. v \\.|ogv) (?:de |het )?${DOSE_GUIDES}`, 'zie (?:het )?(?:schema|doseerschema|kaart|trombosekaart)',
  'zoals (?:voorgeschreven|afgesproken)', `(?:as|dose|dosed|titrated|adjusted) (?:per|according to|to|by) (?:the )?${DOSE_GUIDES}`,
  `(?:per|according to) (?:the )?${DOSE_GUIDES}`, 'as directed(?: by (?:the )?(?:doctor|physician|clinic|anticoagulation clinic|prescriber|renal team))?',
  'as instructed', 'as per instructions', '(?:on |with (?:a |the )?)?sliding scale', 'ssi', 'correction scale', 'variable dose', 'wisselende dosis', 'dosis wisselend',
);

/** A single administration, not a daily regimen: "eenmalig", "once only", "stat", "x1". */
export const ONE_OFF = alt(
  'eenmalig', 'eenmalige (?:dosis|gift|toediening|infusie)', 'eenmaal toedienen', 'once only', 'one dose only', 'single dose', 'one-off', 'one off', 'stat',
  // "x1" at the end of a line; the number is checked to be 1 where the pattern is used
  'x #(?: (?:dose|dosis|only))?(?= *$)',
);

/** How many doses or sessions a course runs, not how much is taken: "x 10 doses", "for 8 sessions". */
export const COURSE = alt(
  '(?:x|×) ?# ?(?:doses|dosis|doseringen|giften|sessions|sessies|dialyses|dialysis sessions|hd sessions|infusions|infusies|infusen|injections|injecties|treatments|behandelingen)',
  '(?:for|gedurende|voor|over) (?:the next )?# (?:doses|doseringen|giften|sessions|sessies|dialyses|dialysis sessions|hd sessions|infusions|infusies|injections|injecties|behandelingen)',
  '# (?:doses|sessions|sessies|infusions|infusies) (?:total|in total|totaal|in totaal)',
);

/** Repeats within one episode ("q5min", "every 5 minutes up to 3 doses"): part of an as-needed line. */
export const EPISODE_REPEAT = alt(
  '(?:q|every|elke|iedere|om de|na) ?# ?(?:min|mins|minute|minutes|minuut|minuten)(?: (?:up to|max|maximaal|tot|to) # (?:doses|times|keer|x|maal))?',
);

/** Frequencies too vague to count: the daily dose cannot be worked out. */
export const VAGUE = alt(
  'een paar keer', 'enkele keren', 'af en toe', 'soms', 'wel eens', 'regelmatig', 'a few times', 'several times',
  'sometimes', 'occasionally', 'now and then', 'from time to time', 'every now and then', 'once in a while',
);

/** "zo nodig extra", "extra bij kramp": as-needed doses on top of a regular one, so there is no maximum. */
export const PRN_EXTRA = alt(
  `(?:(?:en|and|plus|\\+) )?(?:extra|meer|more) ${PRN}`,
  `(?:(?:en|and|plus|\\+) )?${PRN} (?:extra|meer|more)`,
  '(?:(?:en|and|plus|\\+) )?extra (?:bij|for|tegen|when|als) (?:kramp|krampen|cramps?|pijn|pain|nodig|needed)',
  'plus prn', '\\+ prn', 'and prn', '\\+ zo nodig', 'plus zo nodig', 'en zo nodig',
);

/** Days of the week, Dutch and English, for "ma/wo/vr" and "Mon/Wed/Fri": the word → day 0–6. */
export const WEEKDAYS: Record<string, number> = Object.fromEntries(
  [
    ['maandag', 'maandagen', 'ma', 'monday', 'mondays', 'mon'],
    ['dinsdag', 'dinsdagen', 'di', 'tuesday', 'tuesdays', 'tue', 'tues'],
    ['woensdag', 'woensdagen', 'wo', 'wednesday', 'wednesdays', 'wed'],
    ['donderdag', 'donderdagen', 'do', 'thursday', 'thursdays', 'thu', 'thur', 'thurs'],
    ['vrijdag', 'vrijdagen', 'vr', 'friday', 'fridays', 'fri'],
    ['zaterdag', 'zaterdagen', 'za', 'saturday', 'saturdays', 'sat'],
    ['zondag', 'zondagen', 'zo', 'sunday', 'sundays', 'sun'],
  ].flatMap((words, day) => words.map((w) => [w, day] as const)),
);
export const WEEKDAY = alt(...Object.keys(WEEKDAYS));

export const MAXIMUM = alt(
  'max', abbr('max.'), 'maximaal', 'maximum', 'tot maximaal', 'up to', 'niet meer dan', 'not more than',
  'no more than', 'hoogstens', 'ten hoogste', 'at most',
);

export const PER_SESSION = alt(
  '(?:na|after|post) (?:elke|iedere|each|every|de|the|een|a)? ?(?:dialyse|dialysis|hemodialyse|hemodialysis|haemodialysis|hd|dialysebehandeling|dialysesessie|sessie|session|behandeling)(?: (?:session|sessions|sessie|behandeling|treatment))?',
  '(?:at|on|bij) (?:the |het )?(?:start|begin) (?:of|van) (?:each|every|the|elke|iedere|de) (?:dialysis|dialyse|session|sessie|hd)(?: session)?',
  'post ?- ?hd', 'post ?- ?dialysis', 'post ?- ?dialyse', 'postdialyse', 'op dialysedagen', 'on dialysis days', 'dialysis days',
  '(?:at )?(?:the )?end of (?:each|every|the) (?:session|dialysis|hd)', '(?:aan het )?einde? van (?:elke|iedere|de) (?:dialyse|sessie)',
  'bij (?:het )?(?:aansluiten|afkoppelen|afsluiten)', 'bij (?:de )?aansluiting', '(?:at|on) (?:the )?(?:start of (?:each|every|the) )?(?:connection|session start)',
  '(?:tijdens|during|bij|at) (?:elke|iedere|each|every|de|the)? ?(?:dialyse|dialysis|hd|sessie|session)',
  'per dialyse', 'per sessie', 'per session', 'per dialysis', 'elke dialyse', 'iedere dialyse', 'each dialysis',
  '(?:with|met|bij) (?:each |every |elke |iedere )?(?:dialysis|dialyse|hd|haemodialysis|hemodialysis|hemodialyse)(?: session)?',
  // before the session: "pre-dialysis", "before each HD", "vóór de dialyse" (a bare "voor dialyse" may mean "for")
  '(?:pre|before|prior to) ?-? ?(?:each |every |the |a )?(?:dialysis|dialyse|hd|haemodialysis|hemodialysis|session|dialysis session|hd session)',
  'predialysis', 'predialyse', 'pre ?- ?hd', '(?:voor|vóór) (?:elke|iedere|de|het|een) (?:dialyse|dialysebehandeling|dialysesessie|sessie|hd)', 'vóór dialyse',
  `(?:q|each|every)(?: \\.)? ?${alt('hd', 'dialysis', 'dialysis session', 'hd session', 'session', 'tx', 'treatment', 'hd treatment')}`, 'qhd', abbr('q.h.d.'),
  '(?:at |on )?(?:the )?end of (?:the )?(?:session|dialysis|hd|treatment)', '(?:aan het )?einde? van (?:de )?(?:dialyse|sessie|behandeling)',
);

/** Days between sessions: how many there are depends on the patient's sessions per week. */
export const NON_SESSION = alt(
  '(?:(?:op|on) )?(?:niet ?- ?dialysedagen|niet ?- ?dialyse dagen|non ?- ?dialysis days|off ?- ?dialysis days|non ?- ?hd days|interdialytic days)',
  '(?:niet|not) (?:op|on) (?:de )?(?:dialysedagen|dialyse dagen|dialysis days|hd days|hd ?- ?dagen)', 'behalve op dialysedagen', 'except on dialysis days',
  '(?:op|on) (?:dagen|days) (?:zonder|without) (?:dialyse|dialysis|hd)',
  'when not on dialysis', 'als er geen dialyse is',
);

export const ROUTE_IV = alt(
  'iv', abbr('i.v.'), 'intraveneus', 'intraveneuze', 'intravenous', 'intravenously',
  '(?:in|via) (?:de|the) (?:veneuze |venous )?lijn', 'in line', 'into the line', 'venous line',
  'infuus', 'infusion', 'bolus', 'infvlst', 'infusievloeistof',
);
/** An injection without saying where: intravenous in a dialysis unit, unless the line says sc or im. */
export const ROUTE_INJECTION = alt('injectie', 'injection', 'injvlst', 'injectievloeistof', 'inj', abbr('inj.'), 'injectable', 'injectable solution', 'prefilled syringe', 'voorgevulde spuit', 'pen', 'penfill', 'flexpen', 'kwikpen', 'solostar');
export const ROUTE_SC = alt(
  'sc', abbr('s.c.'), 'subcutaan', 'subcutane', 'subcutaneous', 'subcutaneously', 'subcut', 'onderhuids', 'under the skin',
  'onder de huid', 'sq', 'subq', abbr('s.q.'),
);
export const ROUTE_IM = alt('im', abbr('i.m.'), 'intramusculair', 'intramusculaire', 'intramuscular', 'intramuscularly', 'in de spier', 'into the muscle');
export const ROUTE_TRANSDERMAL = alt('pleister', 'pleisters', 'patch', 'patches', 'transdermaal', 'transdermale', 'transdermal', 'tts', 'matrixpleister');
export const ROUTE_INHALED = alt('inhalatie', 'inhalaties', 'inhaler', 'inhalator', 'inhaled', 'inhalation', 'inhaleren', 'per inhalatie', 'dosisaerosol', 'nebuliser', 'nebulizer', 'vernevelaar', 'verneveling');
export const ROUTE_RECTAL = alt('rectaal', 'rectale', 'rectal', 'rectally', 'per rectum', 'zetpil', 'zetpillen', 'suppository', 'suppositories', 'supp', 'klysma', 'enema', 'microlax');
/**
 * On the skin: creams, gels, baths and foot baths. Words that are also oral or English ("oil" of
 * fish oil, "spray", "bad") are not here: a product that is used on the skin says so in its KB form.
 */
export const ROUTE_TOPICAL = alt(
  'topisch', 'topische', 'topical', 'topically', 'cutaan', 'cutane', 'cutaneous', 'op de huid', 'on the skin', 'uitwendig', 'for external use',
  'smeren', 'insmeren', 'crème', 'creme', 'cream', 'zalf', 'ointment', 'gel', 'lotion', 'huidspray', 'body spray', 'skin spray',
  'voetbad', 'voetbaden', 'foot bath', 'footbath', 'foot soak', 'in bad', 'in het bad', 'in the bath', 'bath soak', 'badzout', 'bath salts', 'bath flakes',
);
export const ROUTE_ORAL = alt('oraal', 'orale', 'oral', 'orally', 'po', abbr('p.o.'), 'per os', 'by mouth', 'via de mond', 'innemen');

/** The line says the medicine is prescribed, not self-bought. */
export const PRESCRIBED = alt(
  'voorgeschreven', '(?:op|per) voorschrift', 'op recept', 'prescribed', 'on prescription', 'by prescription', 'rx',
  'prescribed by (?:the )?(?:nephrologist|doctor|gp|renal team)', 'voorgeschreven door (?:de )?(?:nefroloog|arts|huisarts|internist)',
);

/** Times of day: each distinct one counts once when no frequency is written. */
export const TIMES_OF_DAY: Record<TimeOfDay, string> = {
  morning: alt(
    "'s ochtends", "'s morgens", 'ochtends', 'morgens', 'in de ochtend', 'in de morgen', "'s ochtend",
    'bij het ontbijt', 'bij ontbijt', 'ontbijt', 'morning', 'in the morning', 'every morning', 'each morning',
    'mane', 'omnimane', 'qam', abbr('q.a.m.'), 'a \\. m \\.', 'with breakfast', 'at breakfast', 'breakfast',
  ),
  noon: alt("'s middags", 'middags', 'bij de lunch', 'bij het middageten', 'bij de middagmaaltijd', 'lunch', 'at noon', 'noon', 'midday', 'with lunch', 'at lunch'),
  evening: alt(
    "'s avonds", 'avonds', 'in de avond', 'bij het avondeten', 'bij avondeten', 'avondeten',
    'bij de avondmaaltijd', 'bij het avondmaal', 'avondmaaltijd',
    'evening', 'in the evening', 'every evening', 'each evening', 'with dinner', 'at dinner', 'dinner',
    'with supper', 'at supper', 'supper', 'qpm', abbr('q.p.m.'), 'p \\. m \\.',
  ),
  bedtime: alt(
    abbr('a.n.'), 'ante noctem', 'voor het slapen', 'voor het slapengaan', 'voor het slapen gaan', 'voor de nacht',
    'voor het naar bed gaan', abbr('v.h.s.'), 'vhs', "'s nachts", 'nachts', 'at bedtime', 'bedtime', 'at night',
    'every night', 'each night', 'nightly', 'night', 'nocte', 'qhs', abbr('q.h.s.'), abbr('h.s.'), 'before bed',
    'before sleep', 'voor het slapen innemen', 'omninocte',
  ),
};

/** "With each meal": three times a day, the upper reading for the main meals. */
export const WITH_EACH_MEAL = alt(
  'bij (?:elke|iedere) (?:hoofd)?maaltijd', 'bij de (?:hoofd)?maaltijden', 'bij alle (?:hoofd)?maaltijden', 'with (?:each|every) meal',
  'with (?:the )?meals', 'with (?:each|every) main meal', 'tijdens (?:elke|iedere) maaltijd', 'tijdens de maaltijden',
);

/** "Bij het eten", "with food": when to take it, not how often. */
export const WITH_FOOD = alt(
  'bij het eten', 'bij de maaltijd', 'tijdens het eten', 'tijdens de maaltijd', 'met voedsel', 'na het eten', 'voor het eten',
  'with food', 'with a meal', 'after food', 'before food', 'after meals', 'before meals', 'na de maaltijd', 'voor de maaltijd',
  'nuchter', 'on an empty stomach', 'ac', abbr('a.c.'), 'pc', abbr('p.c.'), 'with meals and snacks', 'with snacks',
);

/** Words that carry no meaning for the check, so they are not reported as unread. */
export const FILLER = new Set([
  'per', 'van', 'of', 'a', 'de', 'het', 'een', 'en', 'and', 'the', 'x', 'voor', 'bij', 'met', 'with', 'in',
  'op', 'on', 'to', 'take', 'neem', 'nemen', 'innemen', 'gebruiken', 'gebruik', 'use', 'used', 'each',
  'elke', 'iedere', 'every', 'at', 'for', 'tegen', 'against', 'dd', 'then', 'dan', 'daarna', 'for',
  'tablet', 'tabletten', 'capsule', 'capsules', 'caps', 'tab', 'tabs', 'tabl', 'stuks', 'stuk',
  'supplement', 'supplementen', 'supplements', 'voedingssupplement', 'tegen', 'spierkrampen', 'cramps',
  'kramp', 'krampen', 'cramp', 'leg', 'been', 'benen', 'nachtelijke', 'nocturnal', 'zelf', 'gekocht',
  'self', 'bought', 'otc', 'drogist', 'apotheek', 'pharmacy', 'dagelijkse', 'dosis', 'dose', 'doses',
  'dosering', 'ik', 'takes', 'taking', 'daily',
  // how a tablet or capsule is made, and what it comes in: they do not change how much is taken
  'filmomhuld', 'filmomhulde', 'omhuld', 'omhulde', 'film', 'coated', 'filmtablet', 'filmtabletten', 'tbl',
  'maagsapresistent', 'maagsapresistente', 'gastro', 'resistant', 'gastroresistant', 'enteric', 'ec',
  'retard', 'mga', 'msr', 'mr', 'sr', 'xl', 'xr', 'er', 'la', 'cr', 'dr', 'zoc', 'cr', 'prolonged', 'release',
  'extended', 'modified', 'sustained', 'delayed', 'controlled', 'gereguleerde', 'afgifte', 'vertraagde', 'verlengde',
  'dispergeerbaar', 'dispergeerbare', 'orodispersible', 'oplosbaar', 'oplosbare', 'soluble', 'chewable',
  'kauwtablet', 'kauwtabletten', 'bruistablet', 'bruistabletten', 'smelttablet', 'smelttabletten', 'zuigtablet', 'zuigtabletten',
  'sublinguaal', 'sublingual', 'sl', 'oromucosaal', 'buccal', 'harde', 'zachte', 'hard', 'soft', 'gelatin',
  'dispersible', 'dispergeren', 'kauwen', 'kauw', 'fijnkauwen', 'chew', 'chewed', 'chewing', 'doorslikken', 'swallow', 'whole', 'heel',
  'onder', 'tong', 'under', 'tongue', 'oplossen', 'dissolve', 'dissolved', 'uiteenvallen',
  'poeder', 'powder', 'granulaat', 'granules', 'drank', 'drankje', 'oplossing', 'solution', 'suspensie', 'suspension',
  'siroop', 'syrup', 'stroop', 'elixir', 'concentraat', 'concentrate', 'liquid', 'vloeibaar', 'vloeistof', 'emulsie',
  'strip', 'strips', 'doos', 'doosje', 'verpakking', 'pack', 'packet', 'blister', 'blisters', 'potje', 'pot', 'tube',
  'generiek', 'generic', 'merk', 'brand', 'zelfzorg', 'supermarkt', 'water', 'glas', 'slok', 'sip',
]);

/**
 * Words a line may hold that do not change the dose: what it is for, who prescribed it, where. They
 * are shown as "not used" but do not stop the check. Any other word intake and the knowledge base
 * cannot place does stop it (decision 007): "times ten", "but I take twenty", "doubled".
 */
export const HARMLESS = new Set([
  // what it is for
  'bloeddruk', 'blood', 'pressure', 'hypertension', 'hypertensie', 'hoge', 'high', 'hart', 'heart', 'hartfalen', 'failure',
  'hartritme', 'ritme', 'rhythm', 'atrial', 'fibrillation', 'boezemfibrilleren', 'af', 'angina', 'cholesterol', 'lipids',
  'suiker', 'sugar', 'diabetes', 'jicht', 'gout', 'urinezuur', 'uric', 'acid', 'maag', 'stomach', 'maagzuur', 'reflux',
  'brandend', 'heartburn', 'zuur', 'constipation', 'obstipatie', 'verstopping', 'ontlasting', 'stool', 'stoelgang',
  'misselijk', 'misselijkheid', 'nausea', 'braken', 'vomiting', 'jeuk', 'itch', 'itching', 'pruritus', 'pijn', 'pain',
  'hoofdpijn', 'headache', 'rugpijn', 'spier', 'muscle', 'muscles', 'slaap', 'sleep', 'slapen', 'insomnia', 'angst', 'anxiety',
  'depressie', 'depression', 'stemming', 'mood', 'epilepsie', 'epilepsy', 'aanvallen', 'seizures', 'schildklier', 'thyroid',
  'fosfaat', 'phosphate', 'bloedarmoede', 'anemie', 'anaemia', 'anemia', 'ijzertekort', 'deficiency', 'tekort', 'botten',
  'bones', 'bone', 'pth', 'bijschildklier', 'parathyroid', 'hyperparathyroidism', 'infectie', 'infection', 'blaasontsteking',
  'uti', 'griep', 'flu', 'allergie', 'allergy', 'hooikoorts', 'ontsteking', 'inflammation', 'prostaat', 'prostate',
  'oedeem', 'oedema', 'edema', 'vochtafdrijver', 'plaspil', 'diuretic', 'bloedverdunner', 'thinner', 'antistolling',
  'anticoagulation', 'maagbeschermer', 'protection', 'slaappil', 'sleeping', 'pill', 'pijnstiller', 'painkiller', 'antibioticum',
  'antibiotic', 'fosfaatbinder', 'binder', 'kaliumbinder', 'hormoon', 'hormone', 'vitamine', 'vitamin', 'nieren', 'kidney',
  'kidneys', 'nier', 'renal', 'dialysepatienten', 'hyperkaliemie', 'hyperkalaemia', 'hyperphosphataemia', 'hyperfosfatemie',
  'neuropathie', 'neuropathy', 'restless', 'legs', 'rusteloze', 'jichtaanval', 'aanval', 'attack', 'flare', 'chest', 'borst',
  'borstpijn', 'insuline', 'insulin', 'trombosedienst', 'inr', 'clinic', 'kliniek', 'hypoglycaemia', 'hypo',
  'glucose', 'bloedsuiker',
  // who, where, since when
  'huisarts', 'gp', 'nefroloog', 'nephrologist', 'cardioloog', 'cardiologist', 'internist', 'arts', 'doctor', 'dr',
  'specialist', 'ziekenhuis', 'hospital', 'dialysecentrum', 'centrum', 'centre', 'center', 'thuis', 'home',
  'chronisch', 'chronic', 'langdurig', 'onderhoud', 'maintenance', 'continue', 'doorgaan', 'blijven', 'idem', 'zoals',
  'altijd', 'always', 'gewoon', 'usual', 'usually', 'my', 'mijn', 'i', 'is', 'are', 'it', 'this', 'dit', 'deze', 'die',
  'zijn', 'was', 'heb', 'have', 'has', 'om', 'te', 'from', 'door', 'by', 'via', 'as', 'na', 'after', 'before', 'start', 'started', 'training',
  'sport', 'exercise', 'workout',
]);
