/** Dutch texts: the same shape as en.ts. */
import type { Messages } from './en.js';
import { uiNl } from './ui-nl.js';

export const nl: Messages = {
  locale: 'nl-NL',
  ui: uiNl,
  units: {
    mg: 'mg', IU: 'IE', mmol: 'mmol', ml: 'ml', tablet: 'tabletten', capsule: 'capsules', sachet: 'zakjes', dose: 'doses', l: 'l',
    'ml/kg/h': 'ml/kg/u', 'ml/h': 'ml/u', h: 'u', 'ml/day': 'ml/dag',
  },
  perDay: 'per dag',
  upTo: 'tot',
  and: 'en',
  line: 'regel',
  doseNotStated: 'een dosis die niet vermeld is',
  coverageReference: 'DialySafe-kennisbank: wat ze wel en niet omvat',
  lines: 'regels',
  evidenceLevels: {
    regulatory: 'Standpunt van de overheid (geneesmiddelenautoriteit)',
    guideline: 'Klinische richtlijn',
    'systematic-review': 'Systematische review',
    rct: 'Gerandomiseerde studie(s)',
    observational: 'Observationele studies',
    'case-reports': 'Casusbeschrijvingen',
    label: 'Productinformatie (bijsluiter/SmPC)',
    pharmacology: 'Farmacologie',
    'expert-opinion': 'Mening van experts',
    none: 'Niet van toepassing',
  },
  certainty: {
    established: 'vastgesteld in primaire bronnen',
    probable: 'uit secundaire bronnen, waarschijnlijk',
    uncertain: 'onzeker, niet bevestigd in primaire bronnen',
  },
  gaps: {
    'no-strength': 'De regel noemt geen sterkte (zoals "250 mg"), dus de dosis kon niet worden berekend.',
    'no-volume': 'De regel zegt niet hoeveel milliliter er wordt gedronken of ingenomen (zoals "500 ml" of "1 blikje (330 ml)"), dus de dosis kon niet worden berekend.',
    'no-frequency': 'De regel zegt niet hoe vaak het wordt ingenomen, dus de dagdosis kon niet worden berekend (DialySafe neemt niet aan dat het eenmaal per dag is).',
    'prn-without-maximum': 'Het wordt "zo nodig" ingenomen zonder maximum per dag, dus de dagdosis kon niet worden berekend.',
    'unit-not-convertible': 'De eenheid op de regel kan niet worden omgerekend naar de eenheid van de grens.',
    'volume-without-concentration': 'Er staat een volume, maar geen concentratie, dus de hoeveelheid van de stof is onbekend.',
    'amount-unknown': 'De kennisbank heeft geen onderbouwde hoeveelheid van dit bestanddeel per eenheid van het product.',
    'several-substances': 'Er staan meerdere producten op één regel, dus het is niet duidelijk welke dosis bij welk product hoort; zet ze elk op een eigen regel.',
    'several-strengths': 'De regel noemt meer dan één sterkte, dus het is niet duidelijk welke wordt ingenomen.',
    'several-counts': 'De regel noemt meer dan één aantal tabletten of capsules per keer, dus het is niet duidelijk hoeveel er worden ingenomen.',
    'several-frequencies': 'De regel zegt meer dan één ding over hoe vaak het wordt ingenomen, dus de dagdosis kon niet worden berekend.',
    'vague-frequency': 'Hoe vaak het wordt ingenomen is geen getal ("af en toe", "een paar keer per week"), dus de dagdosis kon niet worden berekend.',
    'prn-extra': 'Er komen "zo nodig" extra doses bovenop de vaste dosis zonder maximum, dus de dagdosis kon niet worden berekend.',
    'rate-per-hour': 'De dosis is een snelheid per uur en de regel zegt niet hoe lang die loopt, dus de dosis kon niet worden berekend.',
    'per-kg-without-weight': 'De dosis is per kilogram lichaamsgewicht en er is geen streefgewicht ingevuld, dus de dosis kon niet worden berekend.',
    'stray-number': 'Op de regel staat een getal dat DialySafe niet kon plaatsen (zie "Niet gebruikt"), dus de dosis is niet berekend.',
    'unclear-dose': 'De dosis op de regel kon niet eenduidig worden gelezen.',
  },
  notes: {
    formAssumed: (form) => `vorm niet genoemd: gelezen als ${form}`,
    formNotStated: (forms) => `vorm niet genoemd (${forms}): gecontroleerd op de hoogste hoeveelheid`,
    compoundOrMeasure: (form, pct) =>
      `het etiket kan het ${form} of het element zelf vermelden (${pct} van het zout): op beide manieren gecontroleerd, de hoogste telt`,
    converted: (form, unit, factor, to) => `${form}: 1 ${unit} = ${factor} ${to}`,
    countAssumed: (per) => `aantal ${per} per keer niet vermeld: 1 aangenomen`,
    perSession: (n, assumed) =>
      `per dialysesessie, ${n} sessies per week${assumed ? ' (standaard; vul het eigen aantal van de patiënt in)' : ''}`,
    nonSession: (n, assumed) =>
      `op de ${7 - n} dagen per week zonder dialyse (${n} sessies per week${assumed ? ', standaard; vul het eigen aantal van de patiënt in' : ''})`,
    prnMaximum: 'zo nodig: gecontroleerd op het vermelde maximum',
    prnMaximumAdministrations: 'het maximum is gelezen als aantal keren per dag, telkens de volledige hoeveelheid van de regel',
    range: 'een bereik: gecontroleerd op de bovengrens',
    perKg: (perKg, weight) => `${perKg} per kg × ${weight} streefgewicht`,
    ambiguousNumber: (text, read, other) => `"${text}" gelezen als ${read}, niet ${other}; pas de regel aan als ${other} bedoeld is`,
    routeAssumed: 'toedieningsweg niet vermeld: gelezen als via de mond',
  },
  reading: {
    oral: 'via de mond',
    iv: 'intraveneus',
    timing: { morning: "'s ochtends", noon: "'s middags", evening: "'s avonds", bedtime: 'voor het slapen' },
    timesPerDay: (n) => `${n} × per dag`,
    perSession: (n) => `${n} × per dialysesessie`,
    nonSession: (n) => `${n} × per dag op dagen zonder dialyse`,
    asNeeded: 'zo nodig',
    asNeededMax: (n, of) => `zo nodig, maximaal ${n} ${of} per dag`,
    asNeededMaxAmount: (amount) => `zo nodig, maximaal ${amount} per dag`,
    schedule: (n, units) => `${n} × per dag, samen ${units} stuks`,
    administrations: 'keer',
    units: 'stuks',
  },
  system: {
    notRecognised: {
      title: 'Niet herkend — niet gecontroleerd, controleer zelf',
      explanation: (text) =>
        `DialySafe vond "${text}" niet in de kennisbank, dus niets op deze regel is gecontroleerd. Iets wat DialySafe niet kent, kan bij dialyse toch schadelijk zijn.`,
      suggestion: (names) => ` Het lijkt op ${names}; kies een suggestie om de regel als zodanig te controleren.`,
      advice: 'Controleer deze regel zelf met een apotheker of nefroloog, of verbeter de naam en controleer opnieuw.',
      patient: 'DialySafe kent dit product niet en kon het dus niet controleren. Vraag het uw apotheker of nefroloog voordat u het inneemt.',
      evidence: 'Geen item in de kennisbank: niet beoordeeld.',
    },
    notReviewed: {
      title: (name) => `${name}: alleen herkend voor wisselwerkingen — dosis niet gecontroleerd`,
      explanation: (name) =>
        `${name} staat in de kennisbank zodat de wisselwerkingen met de andere regels worden gecontroleerd. DialySafe beoordeelt de eigen dosis en het gebruik bij dialyse niet.`,
      advice: (name) => `Controleer de dosis en het gebruik van ${name} bij dialyse zelf, met een nierfunctie-naslagwerk of de apotheker.`,
      patient: 'DialySafe kent dit geneesmiddel alleen om te zien hoe het samengaat met uw andere middelen. Vraag uw apotheker of de dosis klopt voor u aan de dialyse.',
      evidence: 'Niet beoordeeld voor dialyse in deze kennisbank.',
    },
    doseNotChecked: {
      title: (name) => `${name}: dosis niet gecontroleerd`,
      explanation: (reason, limits) => `${reason} De dosisgrenzen in de kennisbank: ${limits}.`,
      advice: 'Vul de sterkte aan en hoe vaak het wordt ingenomen (bijvoorbeeld "250 mg 1dd" of "400 IE per dag"), of controleer de dosis zelf aan de hand van de grenzen.',
      patient: 'DialySafe kon niet lezen hoeveel u inneemt en kon de hoeveelheid dus niet controleren. Laat deze lijst aan uw apotheker zien.',
      evidence: 'Dosisafhankelijke regels konden niet worden toegepast.',
    },
    totalIncomplete: {
      title: (name) => `${name} op meerdere regels: totaal niet berekend`,
      explanation: (name, lines) =>
        `${name} komt uit ${lines}, maar de dosis van minstens één ervan kon niet worden gelezen, dus het totaal per dag is onbekend.`,
      advice: 'Vul de ontbrekende dosis aan, of tel de hoeveelheden zelf op en vergelijk ze met de grenzen.',
      patient: 'U neemt deze stof in meer dan één product. DialySafe kon ze niet optellen. Vraag uw apotheker het totaal te controleren.',
      evidence: 'Totaal kon niet worden berekend.',
    },
    total: {
      prefix: (lines, dose) => `Opgeteld over ${lines}: ${dose} per dag. `,
    },
  },
};
