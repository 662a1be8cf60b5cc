/** The check form's fields in the order it shows them, with their labels, hints and messages. */
import type { UiMessages } from '../i18n/ui-en.js';
import type { FormValues } from './check-form.js';

export function formView(t: UiMessages, values: FormValues, errors: Record<string, string>) {
  const f = t.form;
  const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
  const field = (name: keyof FormValues, label: string, extra: { unit?: string; hint?: string } = {}) => ({
    name,
    id: `field-${name}`,
    label: extra.unit ? `${label} (${extra.unit})` : label,
    hint: extra.hint,
    hintId: extra.hint ? `hint-${name}` : undefined,
    error: errors[name],
    errorId: errors[name] ? `error-${name}` : undefined,
    describedBy: describedBy(extra.hint ? `hint-${name}` : undefined, errors[name] ? `error-${name}` : undefined),
    value: values[name],
  });
  const yesNo: [string, string][] = [['yes', f.yes], ['no', f.no]];
  return {
    items: { ...field('items', f.itemsLabel, { hint: f.itemsHint }) },
    allergies: { ...field('allergies', f.allergiesLabel, { hint: f.allergiesHint }) },
    modality: { ...field('modality', f.modality), options: Object.entries(f.modalities) },
    numbers: [
      field('targetWeightKg', f.targetWeight, { unit: f.kg }),
      field('weightGainKg', f.weightGain, { unit: f.kg, hint: f.weightGainHint }),
      field('sessionHours', f.sessionHours, { unit: f.hours }),
      field('sessionsPerWeek', f.sessionsPerWeek),
      field('residualUrineMlPerDay', f.residualUrine, { unit: f.mlPerDay }),
    ],
    selects: [
      { ...field('anticoagulation', f.anticoagulation), options: Object.entries(f.anticoagulations) },
      { ...field('diabetes', f.diabetes), options: yesNo },
      { ...field('belowTargetWeight', f.belowTargetWeight), options: yesNo },
      { ...field('crampsAtHome', f.crampsAtHome), options: yesNo },
    ],
    errors: Object.entries(errors).map(([name, message]) => ({ href: `#field-${name}`, message })),
  };
}
