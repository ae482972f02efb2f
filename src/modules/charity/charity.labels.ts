// Codes and labels of the social-force ledgers (browser-safe).

/** The cause a project or distribution helps with: the benefit ledger totals aid per cause. */
export const CAUSES = {
  living: { zh: '基本生活', en: 'Basic living' },
  food: { zh: '食品与生活物资', en: 'Food and daily goods' },
  medical: { zh: '医疗', en: 'Medical' },
  education: { zh: '教育', en: 'Education' },
  housing: { zh: '住房', en: 'Housing' },
  disaster: { zh: '灾害与急难', en: 'Disaster and emergency' },
  disability: { zh: '助残', en: 'Disability' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type Cause = keyof typeof CAUSES;
export const CAUSE_CODES = Object.keys(CAUSES) as [Cause, ...Cause[]];

export const CHANNELS = {
  bank: { zh: '银行转账', en: 'Bank transfer' },
  cash: { zh: '现金', en: 'Cash' },
  wechat: { zh: '微信', en: 'WeChat Pay' },
  alipay: { zh: '支付宝', en: 'Alipay' },
  platform: { zh: '互联网募捐平台', en: 'Online fundraising platform' },
  other: { zh: '其他', en: 'Other' },
} as const;
export const CHANNEL_CODES = Object.keys(CHANNELS) as [keyof typeof CHANNELS, ...(keyof typeof CHANNELS)[]];

export const ITEM_CATEGORIES = {
  grain: { zh: '粮油', en: 'Grain and oil' },
  food: { zh: '食品', en: 'Food' },
  vegetables: { zh: '蔬菜', en: 'Vegetables' },
  clothing: { zh: '衣被', en: 'Clothing and bedding' },
  medicine: { zh: '药品', en: 'Medicine' },
  study: { zh: '学习用品', en: 'School supplies' },
  daily: { zh: '日用品', en: 'Daily necessities' },
  other: { zh: '其他', en: 'Other' },
} as const;
export const ITEM_CATEGORY_CODES = Object.keys(ITEM_CATEGORIES) as [keyof typeof ITEM_CATEGORIES, ...(keyof typeof ITEM_CATEGORIES)[]];

/** Government programs in the ledger and the cause their money counts under. */
export const PROGRAM_CAUSE: Record<string, Cause> = { dibao: 'living', tekun: 'living', fcu: 'living', temporary: 'disaster' };
