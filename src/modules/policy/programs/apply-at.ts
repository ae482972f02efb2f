// Where residents apply, shared by the programs that take applications at the same office.
export const AT_TOWNSHIP_OF_HUKOU = {
  zh: '户籍所在地乡镇人民政府（街道办事处）',
  en: 'the township government or street office where the household is registered',
} as const;
