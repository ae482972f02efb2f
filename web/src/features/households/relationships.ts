import { RELATIONSHIPS } from '../../../../src/modules/households/households.schema.ts';
import type { Translate } from '../../i18n/index.ts';
import { codeOptions } from '../persons/labels.ts';

/** Relationships a member can be given; "head" changes only through 设为户主. */
export const memberRelationshipOptions = (t: Translate) =>
  codeOptions(
    'relationship',
    RELATIONSHIPS.filter((r) => r !== 'head'),
    t,
  );
