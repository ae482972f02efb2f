// The facts about a member that decide whether they count as 共同生活的家庭成员, as short tags.
import type { MemberFlags } from '../../../../src/modules/households/households.schema.ts';
import type { Translate } from '../../i18n/index.ts';

export interface FlagTag {
  key: string;
  label: string;
  color?: string;
}

/** Only what departs from the ordinary (living at home, no special status) is shown. */
export function flagTags(flags: MemberFlags, t: Translate): FlagTag[] {
  const tags: FlagTag[] = [];
  if (!flags.livingTogether) tags.push({ key: 'away', label: t('flag.notLivingTogether'), color: 'orange' });
  if (flags.fullTimeStudent) tags.push({ key: 'student', label: t('flag.fullTimeStudent'), color: 'blue' });
  if (flags.servingSentence) tags.push({ key: 'sentence', label: t('flag.servingSentence'), color: 'red' });
  if (flags.clergyLivingApartSince) {
    tags.push({ key: 'clergy', label: t('flag.clergySince', { date: flags.clergyLivingApartSince }), color: 'purple' });
  }
  if (flags.ableToLiveIndependently === true) tags.push({ key: 'able', label: t('flag.able'), color: 'green' });
  if (flags.ableToLiveIndependently === false) tags.push({ key: 'notAble', label: t('flag.notAble'), color: 'gold' });
  if (flags.legalSupportDuty) tags.push({ key: 'support', label: t('flag.legalSupportDutyShort'), color: 'cyan' });
  return tags;
}
