// What the person form holds, and how it becomes a POST body (new person) or a PATCH body with
// only what changed (so the history and audit log show exactly what staff did).
import { SELF_CARE_ITEMS, type Person, type PersonInput, type PersonPatch } from '../../../../src/modules/persons/persons.schema.ts';
import { dateOf, toDayValue, type DayValue } from '../../lib/dates.ts';

type SelfCareItem = (typeof SELF_CARE_ITEMS)[number];

export interface PersonFormValues {
  name: string;
  idNumber?: string;
  sex?: 'male' | 'female';
  birthDate?: DayValue | null;
  ethnicity?: string;
  maritalStatus?: PersonInput['maritalStatus'];
  education?: PersonInput['education'];
  employmentStatus?: PersonInput['employmentStatus'];
  workCapacity?: PersonInput['workCapacity'];
  deathDate?: DayValue | null;
  phone?: string;
  jurisdictionCode?: string;
  hukouCode?: string;
  address?: string;
  contactCardNo?: string;
  disabilityCategory?: PersonInput['disabilityCategory'];
  disabilityGrade?: number;
  seriousIllnesses?: string[];
  /** The self-care items the person can do alone. */
  selfCare?: SelfCareItem[];
  tags?: string[];
  reason?: string;
}

/** The form fields the server may name in a validation error. */
export const PERSON_FORM_FIELDS = [
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'ethnicity',
  'maritalStatus',
  'education',
  'employmentStatus',
  'workCapacity',
  'deathDate',
  'phone',
  'jurisdictionCode',
  'hukouCode',
  'address',
  'contactCardNo',
  'disabilityCategory',
  'disabilityGrade',
  'seriousIllnesses',
  'selfCare',
  'tags',
  'reason',
];

const text = (value: string | undefined) => value?.trim() || undefined;

const selfCareObject = (items: readonly SelfCareItem[]) =>
  Object.fromEntries(SELF_CARE_ITEMS.map((item) => [item, items.includes(item)])) as Record<SelfCareItem, boolean>;

export function initialValues(person: Person | undefined): Partial<PersonFormValues> {
  if (!person) return { tags: [], seriousIllnesses: [] };
  const pick = <T extends string>(value: string | null) => (value ?? undefined) as T | undefined;
  return {
    name: person.name,
    sex: person.sex ?? undefined,
    birthDate: toDayValue(person.birthDate),
    ethnicity: person.ethnicity ?? undefined,
    maritalStatus: pick(person.maritalStatus),
    education: pick(person.education),
    employmentStatus: pick(person.employmentStatus),
    workCapacity: pick(person.workCapacity),
    deathDate: toDayValue(person.deathDate),
    jurisdictionCode: person.jurisdictionCode,
    hukouCode: person.hukouCode ?? undefined,
    address: person.address ?? undefined,
    contactCardNo: person.contactCardNo ?? undefined,
    disabilityCategory: pick(person.disabilityCategory),
    disabilityGrade: person.disabilityGrade ?? undefined,
    seriousIllnesses: person.seriousIllnesses,
    selfCare: person.selfCare ? SELF_CARE_ITEMS.filter((item) => person.selfCare?.[item]) : [],
    tags: person.tags,
  };
}

/** A new person; `selfCareAssessed` says whether the self-care boxes were filled in at all. */
export function toInput(values: PersonFormValues, selfCareAssessed: boolean): PersonInput {
  const idNumber = text(values.idNumber);
  const body: PersonInput = {
    name: values.name.trim(),
    jurisdictionCode: values.jurisdictionCode ?? '',
    idNumber,
    // The ID number decides sex and birth date; the server derives them from it.
    sex: idNumber ? undefined : values.sex,
    birthDate: idNumber ? undefined : dateOf(values.birthDate),
    phone: text(values.phone),
    hukouCode: values.hukouCode || undefined,
    address: text(values.address),
    ethnicity: text(values.ethnicity),
    maritalStatus: values.maritalStatus,
    education: values.education,
    employmentStatus: values.employmentStatus,
    workCapacity: values.workCapacity,
    disabilityCategory: values.disabilityCategory,
    disabilityGrade: values.disabilityGrade,
    seriousIllnesses: values.seriousIllnesses?.length ? values.seriousIllnesses : undefined,
    selfCare: selfCareAssessed ? selfCareObject(values.selfCare ?? []) : undefined,
    deathDate: dateOf(values.deathDate),
    tags: values.tags?.length ? values.tags : undefined,
    contactCardNo: text(values.contactCardNo),
  };
  // Leave out what was not filled in, so the audit log lists only real values.
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as PersonInput;
}

const sameList = (a: readonly string[], b: readonly string[]) => [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** Only the fields that differ from `person`; an emptied text field is left as it was. */
export function toPatch(values: PersonFormValues, person: Person, selfCareTouched: boolean): PersonPatch {
  const patch: PersonPatch = {};
  const name = values.name.trim();
  if (name !== person.name) patch.name = name;
  const idNumber = text(values.idNumber);
  if (idNumber) patch.idNumber = idNumber;
  else {
    if (values.sex && values.sex !== person.sex) patch.sex = values.sex;
    const birthDate = dateOf(values.birthDate);
    if (birthDate && birthDate !== person.birthDate) patch.birthDate = birthDate;
  }
  const phone = text(values.phone);
  if (phone) patch.phone = phone;
  if (values.jurisdictionCode && values.jurisdictionCode !== person.jurisdictionCode) patch.jurisdictionCode = values.jurisdictionCode;
  if (values.hukouCode && values.hukouCode !== person.hukouCode) patch.hukouCode = values.hukouCode;
  for (const key of ['address', 'ethnicity', 'contactCardNo'] as const) {
    const value = text(values[key]);
    if (value && value !== person[key]) patch[key] = value;
  }
  if (values.maritalStatus && values.maritalStatus !== person.maritalStatus) patch.maritalStatus = values.maritalStatus;
  if (values.education && values.education !== person.education) patch.education = values.education;
  if (values.employmentStatus && values.employmentStatus !== person.employmentStatus) patch.employmentStatus = values.employmentStatus;
  if (values.workCapacity && values.workCapacity !== person.workCapacity) patch.workCapacity = values.workCapacity;
  if (
    values.disabilityCategory &&
    values.disabilityGrade !== undefined &&
    (values.disabilityCategory !== person.disabilityCategory || values.disabilityGrade !== person.disabilityGrade)
  ) {
    patch.disabilityCategory = values.disabilityCategory;
    patch.disabilityGrade = values.disabilityGrade;
  }
  const illnesses = values.seriousIllnesses ?? [];
  if (!sameList(illnesses, person.seriousIllnesses)) patch.seriousIllnesses = illnesses;
  const tags = values.tags ?? [];
  if (!sameList(tags, person.tags)) patch.tags = tags;
  if (selfCareTouched || person.selfCare) {
    const selfCare = selfCareObject(values.selfCare ?? []);
    if (JSON.stringify(selfCare) !== JSON.stringify(person.selfCare ? selfCareObject(SELF_CARE_ITEMS.filter((i) => person.selfCare?.[i])) : null)) {
      patch.selfCare = selfCare;
    }
  }
  const deathDate = dateOf(values.deathDate);
  if (deathDate && deathDate !== person.deathDate) patch.deathDate = deathDate;
  return patch;
}
