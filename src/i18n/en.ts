/**
 * English texts that are not clinical facts: the engine's own findings (not recognised, dose
 * not checked, …), how readings and doses are described, and the web interface.
 * nl.ts must have the same shape; the compiler checks it.
 */
import type { TimeOfDay } from '../intake/types.js';
import type { CERTAINTIES, CrampFrequency, EVIDENCE_LEVELS, MeasureUnit, PRODUCT_UNITS } from '../kb/schema.js';
import type { DoseGap } from '../resolve/types.js';
import type { Name } from './name.js';
import { uiEn } from './ui-en.js';

/** Every unit a report or a KB page shows. */
export type DisplayUnit = MeasureUnit | 'µg' | (typeof PRODUCT_UNITS)[number] | 'ml/kg/h' | 'ml/h' | 'h' | 'ml/day';

export const en = {
  locale: 'en-GB',
  ui: uiEn,
  units: {
    mg: 'mg', µg: 'µg', IU: 'IU', mmol: 'mmol', ml: 'ml', tablet: 'tablets', capsule: 'capsules', sachet: 'sachets', dose: 'doses', l: 'l',
    'ml/kg/h': 'ml/kg/h', 'ml/h': 'ml/h', h: 'h', 'ml/day': 'ml/day',
  } satisfies Record<DisplayUnit, string>,
  perDay: 'per day',
  onDosingDays: 'on each day it is taken',
  upTo: 'up to',
  and: 'and',
  line: 'line',
  doseNotStated: 'a dose that was not stated',
  coverageReference: 'DialySafe knowledge base: what it covers and what it does not',
  lines: 'lines',
  perSessionWord: 'per dialysis session',
  routesJoin: (routes: string[]) => routes.join(' or '),
  crampFrequencies: {
    'very-common': 'very common (more than 1 in 10 people)',
    common: 'common (up to 1 in 10 people)',
    uncommon: 'uncommon (up to 1 in 100 people)',
    rare: 'rare (up to 1 in 1,000 people)',
    'not-known': 'reported, frequency not known',
  } satisfies Record<CrampFrequency, string>,
  evidenceLevels: {
    regulatory: 'Regulatory position',
    guideline: 'Clinical guideline',
    'systematic-review': 'Systematic review',
    rct: 'Randomised trial(s)',
    observational: 'Observational studies',
    'case-reports': 'Case reports',
    label: 'Product label',
    pharmacology: 'Pharmacology',
    'expert-opinion': 'Expert opinion',
    none: 'Not applicable',
  } satisfies Record<(typeof EVIDENCE_LEVELS)[number] | 'none', string>,
  certainty: {
    established: 'established in primary sources',
    probable: 'from secondary sources, probable',
    uncertain: 'uncertain, not confirmed in primary sources',
  } satisfies Record<(typeof CERTAINTIES)[number], string>,
  gaps: {
    'no-strength': 'The line gives no strength (such as "250 mg"), so the dose could not be worked out.',
    'no-volume': 'The line does not say how much is drunk or taken in millilitres (such as "500 ml" or "1 blikje (330 ml)"), so the dose could not be worked out.',
    'no-frequency': 'The line does not say how often it is taken, so the daily dose could not be worked out (DialySafe does not assume once a day).',
    'as-directed': 'The dose follows a schedule kept elsewhere (the INR card, a sliding scale), so the daily dose could not be worked out from the line.',
    'prn-without-maximum': 'It is taken "as needed" without a maximum per day, so the daily dose could not be worked out.',
    'unit-not-convertible': 'The unit on the line cannot be converted into the unit the limit is set in.',
    'volume-without-concentration': 'A volume is given but not the concentration, so the amount of the substance is unknown.',
    'amount-unknown': 'The knowledge base has no sourced amount of this ingredient per unit of the product.',
    'several-substances': 'Several products are named on one line, so it is not clear which dose belongs to which; put each on its own line.',
    'several-strengths': 'The line gives more than one strength, so it is not clear which one is taken.',
    'several-counts': 'The line gives more than one number of tablets or capsules per time, so it is not clear how many are taken.',
    'several-frequencies': 'The line says more than one thing about how often it is taken, so the daily dose could not be worked out.',
    'vague-frequency': 'How often it is taken is not a number ("now and then", "a few times a week"), so the daily dose could not be worked out.',
    'prn-extra': 'Extra doses "as needed" come on top of the regular dose without a maximum, so the daily dose could not be worked out.',
    'rate-per-hour': 'The dose is a rate per hour and the line does not say for how long it runs, so the dose could not be worked out.',
    'per-kg-without-weight': 'The dose is per kilogram of body weight and no target weight was entered, so the dose could not be worked out.',
    'stray-number': 'The line holds a number that DialySafe could not place (see "Not used"), so the dose was not worked out.',
    'unread-words': 'The line holds words DialySafe could not place (see "Not used"); they may change the dose, so it was not worked out.',
    'unclear-dose': 'The dose on the line could not be read unambiguously.',
    'no-session-limit': 'The line gives a dose at dialysis sessions. The knowledge base limits the daily dose between sessions, but gives no limit for a dose at a session.',
  } satisfies Record<DoseGap, string>,
  notes: {
    formAssumed: (form: string) => `form not named: read as ${form}`,
    formNotStated: (forms: string) => `form not named (${forms}): checked at the highest amount`,
    compoundOrMeasure: (form: string, pct: string) =>
      `the label may give the ${form} or the element itself (${pct} of the salt): checked both ways, using the higher`,
    converted: (form: string, unit: string, factor: string, to: string) => `${form}: 1 ${unit} = ${factor} ${to}`,
    countAssumed: (per: string) => `number of ${per} per time not stated: 1 assumed`,
    perSession: (n: number, assumed: boolean) =>
      `per dialysis session, ${n} sessions a week${assumed ? ' (default; enter the patient\'s own number)' : ''}`,
    nonSession: (n: number, assumed: boolean) =>
      `on the ${7 - n} days a week without dialysis (${n} sessions a week${assumed ? ', the default; enter the patient\'s own number' : ''})`,
    prnMaximum: 'as needed: checked at the stated maximum',
    prnMaximumAdministrations: 'the maximum is read as times per day, each of the full amount on the line',
    range: 'a range: checked at the upper end',
    perKg: (perKg: string, weight: string) => `${perKg} per kg × ${weight} target weight`,
    ambiguousNumber: (text: string, read: string, other: string) => `"${text}" read as ${read}, not ${other}; correct the line if ${other} is meant`,
    doseGap: (reason: string) => `daily dose not worked out: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
    concentration: (text: string) => `the volume on the line times its concentration (“${text}”)`,
    mealsAssumed: (text: string) => `“${text}” read as three meals a day; correct the line if fewer or more are meant`,
    routeAssumed: 'route not stated: read as by mouth',
  },
  reading: {
    oral: 'by mouth',
    iv: 'intravenous',
    sc: 'under the skin (subcutaneous)',
    im: 'into a muscle (intramuscular)',
    topical: 'on the skin',
    transdermal: 'as a skin patch',
    inhaled: 'inhaled',
    rectal: 'rectal',
    timing: { morning: 'morning', noon: 'midday', evening: 'evening', bedtime: 'at bedtime' } satisfies Record<TimeOfDay, string>,
    timesPerDay: (n: string) => `${n} × per day`,
    timesPerWeek: (n: string) => `${n} × a week`,
    everyWeeks: (n: string) => `every ${n} weeks`,
    everyDays: (n: string) => `every ${n} days`,
    timesPerMonth: (n: string) => `${n} × a month`,
    perSession: (n: string) => `${n} × per dialysis session`,
    nonSession: (n: string) => `${n} × per day on days without dialysis`,
    asNeeded: 'as needed',
    asNeededMax: (n: string, of: string) => `as needed, at most ${n} ${of} per day`,
    asNeededMaxAmount: (amount: string) => `as needed, at most ${amount} per day`,
    schedule: (n: string, units: string) => `${n} × per day, ${units} units in all`,
    administrations: 'times',
    units: 'units',
  },
  system: {
    notRecognised: {
      title: 'Not recognised — not checked, verify by hand',
      explanation: (text: string) =>
        `DialySafe did not find "${text}" in its knowledge base, so nothing on this line was checked. Something it does not know can still be harmful in dialysis.`,
      suggestion: (names: string) => ` It looks like ${names}; choose a suggestion to check the line as that.`,
      advice: 'Verify this line by hand with a pharmacist or nephrologist, or correct the name and check again.',
      patient: 'DialySafe does not know this product, so it could not check it. Ask your pharmacist or nephrologist before you take it.',
      evidence: 'No knowledge-base entry: not assessed.',
    },
    severalMedicines: {
      title: (count: number) => `${count} medicines on one line — not checked, put each on its own line`,
      explanation: (names: string, most: number) =>
        `This line names ${names}. DialySafe reads at most ${most} medicines on one line, each with its own dose; a longer line is usually a list pasted onto one line, and none of it was checked.`,
      advice: 'Put each medicine on its own line with its dose and check again, or verify the line by hand.',
      patient: 'This line holds several medicines at once, so DialySafe could not check them. Write each medicine on its own line, or ask your pharmacist.',
      evidence: 'Not assessed: too many medicines on one line.',
    },
    notReviewed: {
      title: (name: Name) => `${name.start}: recognised for interactions only — dose not checked`,
      explanation: (name: Name) =>
        `${name.start} is in the knowledge base so that its interactions with the other lines are checked. DialySafe does not review its own dose or use in dialysis.`,
      advice: (name: Name) => `Check the dose and use of ${name.inSentence} in dialysis by hand, with a renal drug reference or a pharmacist.`,
      patient: 'DialySafe knows this medicine only for how it mixes with your other medicines. Ask your pharmacist whether the dose is right for you on dialysis.',
      evidence: 'Not reviewed for dialysis in this knowledge base.',
    },
    doseNotChecked: {
      title: (name: Name) => `${name.start}: dose not checked`,
      explanation: (reason: string, limits: string) => `${reason} Its dose limits in the knowledge base: ${limits}.`,
      unreadLine: (reason: string) => `${reason} Until the line is written so that all of it can be read, it is not checked.`,
      advice: 'Add the strength and how often it is taken (for example "250 mg 1dd" or "400 IU daily"), or check the dose by hand against the limits.',
      patient: 'DialySafe could not read how much you take, so it could not check the amount. Show this list to your pharmacist.',
      evidence: 'Dose-dependent rules could not be applied.',
      /** The dose was read, but the knowledge base has no limit for a dose given at sessions (decision 018). */
      noSessionLimit: {
        advice: "Check the dose given at each session by hand against the label's advice for haemodialysis.",
        patient: 'DialySafe has no limit for a dose given at dialysis, so it could not check the amount. Show this list to your pharmacist.',
        /** The reason, for a total of several lines. */
        inTotal: 'At least one of these lines gives a dose at dialysis sessions. The knowledge base limits the daily dose between sessions, but gives no limit for a dose at a session.',
      },
    },
    totalIncomplete: {
      title: (name: Name) => `${name.start} on several lines: total incomplete`,
      explanation: (name: Name, lines: string, unread: string, someRead: boolean) =>
        `${name.start} comes from ${lines}, but the dose of ${unread} could not be read, so the full total per day is unknown${someRead ? '; it is at least the sum of the others' : ''}.`,
      advice: 'Add the missing dose, or add up the amounts by hand and compare them with the limits.',
      patient: 'You take this substance in more than one product. DialySafe could not read how much of one of them you take, so it could not add up all of it. Ask your pharmacist to check the total.',
      evidence: 'Total of the lines that could be read only.',
    },
    routeNotReviewed: {
      title: (name: Name, route: string) => `${name.start} ${route}: this route is not reviewed — not checked`,
      explanation: (name: Name, route: string, routes: string) =>
        `The line gives ${name.inSentence} ${route}. The knowledge base reviews ${name.inSentence} only ${routes}, so its dose limits and position in dialysis were not applied to this line.`,
      advice: (name: Name) => `Check this use of ${name.inSentence} by hand with a pharmacist or nephrologist, or correct the route on the line if it is wrong.`,
      patient: 'DialySafe knows this product, but not the way you use it, so it could not check it. Ask your pharmacist whether it is safe for you on dialysis.',
      evidence: 'Route not covered by the knowledge base entry.',
    },
    keepTaking: {
      title: (name: Name, lines: string) => `Keep taking ${name.inSentence}; the interaction is dealt with on ${lines}`,
      explanation: (name: Name, other: Name, lines: string) =>
        `${name.start} interacts with ${other.inSentence}. The knowledge base says the change belongs on ${lines} (${other.inSentence}), not on this line: do not stop ${name.inSentence} because of it.`,
      advice: (lines: string) => `Keep taking it as prescribed; see ${lines} for what to change.`,
      patient: (lines: string) => `Keep taking this medicine. It does not mix well with another product on your list; what to change is on ${lines}.`,
      evidence: 'See the interaction.',
    },
    seeLine: {
      title: (name: Name, lines: string) => `${name.start} is in an interaction; the change belongs on ${lines}`,
      explanation: (name: Name, other: Name, lines: string) =>
        `${name.start} interacts with ${other.inSentence}. The knowledge base puts the change for this interaction on ${lines} (${other.inSentence}); what to do with ${name.inSentence} itself is in this line's other findings.`,
      advice: (lines: string) => `For the interaction, see ${lines}; for this medicine, follow this line's other findings.`,
      patient: (lines: string) => `This medicine does not mix well with another product on your list; what to change for that is on ${lines}. For this medicine itself, follow the other advice on this line.`,
      evidence: 'See the interaction.',
    },
    previousReaction: {
      title: (name: Name) => `${name.start}: previous reaction recorded — do not give again`,
      explanation: (name: Name, reaction: string, allergen: Name) =>
        `The patient's previous reactions include “${reaction}”, read as ${allergen.inSentence}. This line holds ${name.inSentence}, which the knowledge base counts as the same or a cross-reacting substance. A medicine that caused a reaction is not given again without a specialist's decision.`,
      advice: (name: Name) => `Do not give ${name.inSentence}. Check the recorded reaction with the patient and the prescriber, and choose an alternative.`,
      patient: (name: Name) => `You have had a reaction to this before (${name.inSentence}). Do not take it. Tell your nephrologist or pharmacist.`,
      evidence: 'Recorded previous reaction.',
    },
    allergyNotRecognised: {
      title: (text: string) => `Previous reaction “${text}” not recognised — the list was not checked against it`,
      explanation: (text: string) =>
        `DialySafe did not find “${text}” in its knowledge base, so it could not check whether a line on the list holds that substance.`,
      advice: 'Check the list against this reaction by hand, or write the substance by its name.',
      patient: 'DialySafe did not recognise one of your reactions, so it could not check your list against it. Show the list to your pharmacist.',
      evidence: 'No knowledge-base entry: not assessed.',
    },
    crampCause: {
      title: (name: Name, lines: string) => `${name.start} (${lines}) can cause muscle cramps`,
      explanation: (frequency: string, mechanism: string) =>
        `Its label lists muscle cramps or spasms as ${frequency}. ${mechanism}`,
      advice: (name: Name) => `If the cramps started or got worse with ${name.inSentence}, discuss with the prescriber whether the dose, a blood test or another medicine could help. Do not stop it on your own.`,
      patient: (name: Name) => `${name.start} can cause muscle cramps. If your cramps began after you started it, tell your nephrologist. Do not stop it on your own.`,
      evidence: 'Adverse effects listed in the product label.',
    },
    total: {
      prefix: (lines: string, dose: string) => `Added up over ${lines}: ${dose} per day. `,
      partialPrefix: (lines: string, dose: string) => `The lines whose dose could be read (${lines}) add up to ${dose} per day; the others come on top. `,
    },
  },
};

export type Messages = typeof en;
