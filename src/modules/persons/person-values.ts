// The stored form of a person's facts: sex and birth date derived from the ID number, pinyin
// search keys, SM4 ciphertexts and HMAC-SM3 blind indexes. Used by the service, imports and loaders.
import type { z } from 'zod';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { parseIdNumber } from '../../lib/id-number.ts';
import { pinyinKeys } from '../../lib/pinyin.ts';
import type { PersonFields } from './persons.schema.ts';
import type { PersonValues } from './persons.store.ts';

export type PersonData = z.output<typeof PersonFields>;

export function toPersonValues(sensitive: SensitiveFields, p: Partial<PersonData>): Partial<PersonValues> {
  const v: Partial<PersonValues> = {};
  const set = <K extends keyof PersonValues>(k: K, value: PersonValues[K] | undefined) => {
    if (value !== undefined) v[k] = value;
  };
  if (p.name !== undefined) {
    const keys = pinyinKeys(p.name);
    Object.assign(v, { name: p.name, namePinyin: keys.full, nameInitials: keys.initials });
  }
  if (p.idNumber !== undefined) {
    const parsed = parseIdNumber(p.idNumber);
    if (parsed.ok) {
      Object.assign(v, {
        idNumberEnc: sensitive.encrypt(parsed.value),
        idNumberIndex: sensitive.index('id_number', parsed.value),
        idLast4: parsed.value.slice(-4),
        sex: parsed.sex,
        birthDate: parsed.birthDate,
      });
    }
  }
  const phone = p.phone as string | null | undefined;
  if (phone === null) Object.assign(v, { phoneEnc: null, phoneIndex: null });
  else if (phone !== undefined) Object.assign(v, { phoneEnc: sensitive.encrypt(phone), phoneIndex: sensitive.index('phone', phone) });
  if (p.sex !== undefined && v.sex === undefined) set('sex', p.sex);
  if (p.birthDate !== undefined && v.birthDate === undefined) set('birthDate', p.birthDate);
  for (const k of ['hukouCode', 'jurisdictionCode', 'address', 'ethnicity', 'maritalStatus', 'education', 'employmentStatus', 'workCapacity', 'disabilityCategory', 'disabilityGrade', 'seriousIllnesses', 'selfCare', 'deathDate', 'tags', 'contactCardNo'] as const) {
    if (p[k] !== undefined) (v as Record<string, unknown>)[k] = p[k];
  }
  return v;
}
