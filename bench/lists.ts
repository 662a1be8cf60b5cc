/**
 * The lists the bench checks, pinned here so that a change to the test fixtures does not move the
 * numbers. Every line is taken from test/fixtures/dialysis-lists.yaml.
 */
import type { Patient } from '../src/patient.js';

/**
 * A haemodialysis list as a Dutch unit writes it, with the English lines of a shared-care letter:
 * binders, vitamin D, ESA, cardiovascular drugs, a coumarin, and the cramp remedies and
 * supplements this checker exists for (quinine, magnesium, vitamins E and C, L-carnitine, a renal
 * vitamin, fish oil, St John's wort).
 */
export const TWENTY_LINES: readonly string[] = [
  'Sevelamer 800 mg 3dd2 bij de maaltijd',
  'Calcichew D3 1dd1',
  'Alfacalcidol 0,25 microgram 1dd1',
  'Omeprazol 20 mg 1x daags',
  'Insulatard 18 E voor de nacht',
  'Metoprololsuccinaat 47,5 mg 1dd1',
  'Atorvastatine 40 mg 1dd1 a.n.',
  'Ascal Cardio 100 mg 1dd1',
  'Acenocoumarol 1 mg volgens schema trombosedienst',
  'Paracetamol 500 mg zo nodig max 3dd2',
  'Kinine 200 mg a.n.',
  'Magnesiumoxide 500 mg 2dd1 tegen kramp',
  'Vitamine E 400 IE 1dd1',
  'Vitamine C 500 mg 1 co/dag',
  'Dialvit 1dd1',
  'Levocarnitine 1 g IV after dialysis',
  'Mircera 100 micrograms IV monthly',
  'Amlodipine 10mg OD',
  'Fish oil 1000 mg PO daily',
  'Sint-janskruid 300 mg 3dd1',
];

/** The twenty lines, then eighty more from the other fixture lists: how the answer grows with the list. */
export const HUNDRED_LINES: readonly string[] = [
  ...TWENTY_LINES,
  'Calciumacetaat 500 mg 3dd2 bij de maaltijd', 'Cinacalcet 30 mg 1dd1', 'Calcitriol 0,25 mcg 3x per week',
  'Bisoprolol 5 mg 1dd1', 'Digoxine 0,0625 mg 1dd1', 'Furosemide 500 mg 1dd1', 'Pantoprazol 40 mg 1dd1 voor het ontbijt',
  'Venofer 100 mg iv 1x per 2 weken', 'Sertraline 50 mg 1dd1', 'Oxazepam 10 mg a.n. zo nodig',
  'Renvela 2,4 g poeder 3dd1 bij de maaltijd', 'Mimpara 60 mg 1dd1 \'s avonds', 'Etalpha 0,5 microgram 3x per week na dialyse',
  'NeoRecormon 3000 IE sc 1x per week', 'Ferinject 500 mg iv eenmalig', 'Ropinirol 0,25 mg 1dd1 voor de nacht',
  'Hydroxyzine 10 mg a.n. zo nodig bij jeuk', 'Cetirizine 10 mg 1dd1', 'EMLA crème 1 uur voor het aanprikken',
  'Lactulose 15 ml 1-2x per dag', 'Foliumzuur 0,5 mg 1dd1', 'Vitamine D3 25 microgram 1dd1',
  'Velphoro 500 mg 3dd1 kauwen bij de maaltijd', 'Paricalcitol 1 microgram 1dd1', 'Aranesp 40 microgram iv 1x per week',
  'Carvedilol 6,25 mg 2dd1', 'Spironolacton 12,5 mg 1dd1', 'Allopurinol 100 mg 1dd1', 'Colchicine 0,5 mg 2dd1 bij jichtaanval',
  'Isosorbidemononitraat 60 mg 1dd1', 'Nitrolingual spray 0,4 mg zo nodig', 'Clopidogrel 75 mg 1dd1', 'Oxycodon 5 mg 2dd1',
  'Senna 2 tabletten a.n.', 'Renagel 800 mg 3x/dag 2 co bij de maaltijd', 'Fosrenol 750 mg 1 kauwtablet 3x/dag',
  'One-Alpha 0,25 µg 1 caps/dag', 'Amlor 5 mg 1-0-0', 'Co-Diovan 160/12,5 mg 1 co/dag', 'Dafalgan 1 g max 3x/dag',
  'Tradonal Odis 50 mg 2x/dag', 'Lormetazepam 1 mg 1 co voor het slapengaan', 'Magne B6 2x/dag 1 co',
  'Eprex 4000 IE na elke dialyse', 'Lantus 20 E \'s avonds', 'Novorapid 6-8-6 E bij de maaltijden', 'Trajenta 5 mg 1 co/dag',
  'Lisinopril 10 mg 1x/dag', 'Sipralexa 10 mg 1 co/dag', 'Movicol 1 zakje/dag', 'Curcuma 500 mg 2x/dag',
  'Zemplar 1 µg 1 caps om de 2 dagen', 'Fraxiparine 0,4 ml bij dialyse', 'Lyrica 75 mg 1 caps \'s avonds', 'Temesta 1 mg zo nodig',
  'Sorbisterit 1 zakje op niet-dialysedagen', 'Sevelamer carbonaat 800 mg 2-2-2', 'D-Cura 25.000 IE 1x/maand',
  'Brufen 400 mg 3x/dag zo nodig', 'Motilium 10 mg 3x/dag', 'Calcium acetate 1g TDS with meals', 'Epoetin beta 4000 units SC weekly',
  'Doxazosin 4mg BD', 'Aspirin 75mg OD dispersible', 'Paracetamol 1g QDS PRN', 'Quinine sulfate 200mg ON',
  'Insulin glargine (Lantus) 14 units ON', 'Ramipril 2.5mg OD', 'Gabapentin 100mg ON', 'Co-codamol 30/500 2 tabs QDS PRN',
  'Chlorphenamine 4mg TDS PRN itch', 'Tamsulosin MR 400 micrograms ON', 'Apixaban 2.5mg BD', 'Mirtazapine 15mg ON',
  'Vitamin B compound strong 1 tab TDS', 'Warfarin as per INR', 'Quinine bisulfate 300mg ON', 'Vitamin E 400 units OD for cramps',
  'Tonic water 500 ml in the evening', 'Melatonin 3 mg PO qHS',
];

/** The dialysis context sent with every list: a typical session. */
export const PATIENT: Patient = { modality: 'hd', targetWeightKg: 72, weightGainKg: 2.8, sessionHours: 4, sessionsPerWeek: 3, anticoagulation: 'lmwh' };
