// Realistic Chinese names for demo people: surnames weighted by their national frequency (per
// cent, rounded from the 2020 household-registration statistics; the north-China surnames common
// in Shanxi and Henan such as 郝 牛 申 靳 裴 焦 are included), a few compound surnames, and given
// names that follow the fashion of each birth generation (建国 and 秀英 for people born around
// 1950, 伟 and 静 around 1985, 浩然 and 欣怡 after 2005). Ethnicity: 汉族 with small shares of
// the minorities found in these provinces (回族 most of all in Henan).
import { weightedTable, type Random, type WeightedTable } from './random.ts';

export type Sex = 'male' | 'female';

const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['王', 7.25], ['李', 7.19], ['张', 6.83], ['刘', 5.38], ['陈', 4.53], ['杨', 3.08], ['赵', 2.29], ['黄', 2.23],
  ['周', 2.12], ['吴', 2.05], ['徐', 1.67], ['孙', 1.54], ['胡', 1.31], ['朱', 1.26], ['高', 1.21], ['林', 1.18],
  ['何', 1.17], ['郭', 1.15], ['马', 1.05], ['罗', 0.86], ['梁', 0.82], ['宋', 0.77], ['郑', 0.74], ['谢', 0.64],
  ['韩', 0.61], ['唐', 0.6], ['冯', 0.59], ['于', 0.56], ['董', 0.51], ['肖', 0.51], ['程', 0.49], ['曹', 0.48],
  ['袁', 0.47], ['邓', 0.47], ['许', 0.46], ['傅', 0.45], ['沈', 0.44], ['曾', 0.44], ['彭', 0.43], ['吕', 0.42],
  ['苏', 0.41], ['卢', 0.4], ['蒋', 0.4], ['蔡', 0.39], ['贾', 0.38], ['丁', 0.37], ['魏', 0.36], ['薛', 0.35],
  ['叶', 0.34], ['阎', 0.33], ['余', 0.32], ['潘', 0.31], ['杜', 0.3], ['戴', 0.29], ['夏', 0.28], ['钟', 0.27],
  ['汪', 0.26], ['田', 0.25], ['任', 0.24], ['姜', 0.23], ['范', 0.22], ['方', 0.21], ['石', 0.2], ['姚', 0.19],
  ['谭', 0.18], ['廖', 0.17], ['邹', 0.16], ['熊', 0.15], ['金', 0.14], ['陆', 0.13], ['郝', 0.12], ['孔', 0.11],
  ['白', 0.1], ['崔', 0.1], ['康', 0.1], ['毛', 0.1], ['邱', 0.1], ['秦', 0.1], ['江', 0.1], ['史', 0.1],
  ['顾', 0.09], ['侯', 0.09], ['邵', 0.09], ['孟', 0.09], ['龙', 0.09], ['万', 0.09], ['段', 0.09], ['雷', 0.08],
  ['钱', 0.08], ['汤', 0.08], ['尹', 0.08], ['常', 0.08], ['武', 0.08], ['乔', 0.08], ['贺', 0.08], ['牛', 0.07],
  ['申', 0.06], ['靳', 0.05], ['裴', 0.05], ['焦', 0.05], ['卫', 0.04], ['霍', 0.05], ['翟', 0.04], ['聂', 0.05],
  ['原', 0.02], ['闫', 0.1], ['岳', 0.05], ['樊', 0.04], ['耿', 0.04], ['温', 0.05],
  // Compound surnames (复姓): rare, 令狐 is typically Shanxi.
  ['欧阳', 0.03], ['司马', 0.008], ['上官', 0.006], ['诸葛', 0.005], ['令狐', 0.004], ['皇甫', 0.004], ['东方', 0.003], ['尉迟', 0.002],
];

/** Birth generations for given-name fashion: born before 1950, 1950–64, 1965–79, 1980–94, 1995–2009, 2010+. */
export const GENERATION_STARTS = [0, 1950, 1965, 1980, 1995, 2010] as const;

const MALE_GIVEN: readonly (readonly string[])[] = [
  // before 1950
  ['福生', '长林', '德明', '德胜', '有才', '来福', '富贵', '玉山', '金山', '根生', '全福', '守义', '广田', '春生', '宝山', '占山',
    '树林', '永年', '学文', '铁柱', '万福', '保全', '满仓', '庆丰', '明', '忠', '林', '海', '山', '贵', '发', '成'],
  // 1950–1964
  ['建国', '国强', '建华', '国华', '卫国', '保国', '志强', '振华', '建民', '国庆', '援朝', '和平', '文华', '建设', '树森', '新民',
    '跃进', '红旗', '德华', '永红', '军', '勇', '强', '华', '刚', '平', '斌', '忠', '明', '林', '伟', '生'],
  // 1965–1979
  ['建军', '卫东', '红军', '志刚', '建平', '海涛', '立新', '永强', '小平', '向东', '建伟', '志勇', '东升', '晓东', '海军', '宏伟',
    '学军', '建新', '国栋', '振宇', '军', '伟', '勇', '涛', '斌', '鹏', '磊', '峰', '亮', '辉', '杰', '刚'],
  // 1980–1994
  ['伟', '磊', '鹏', '超', '涛', '浩', '强', '军', '杰', '勇', '宇', '帅', '凯', '亮', '飞', '博', '斌', '龙', '俊杰', '志伟',
    '晓明', '海波', '文杰', '鹏飞', '明辉', '志鹏', '建伟', '晓峰', '国栋', '伟东', '俊', '斌斌'],
  // 1995–2009
  ['浩', '宇', '轩', '晨', '昊', '鑫', '浩然', '子豪', '宇航', '博文', '家豪', '子轩', '梓豪', '一鸣', '天宇', '浩宇', '俊宇',
    '泽宇', '嘉豪', '文博', '思远', '明轩', '晨阳', '宇豪', '鑫磊', '凯文', '雨泽', '旭', '航', '阳', '帅', '坤'],
  // 2010+
  ['浩然', '梓睿', '宇轩', '子墨', '沐宸', '睿', '奕辰', '铭泽', '皓轩', '梓航', '浩宇', '俊熙', '宸', '子睿', '沐阳', '博宇',
    '锦程', '一诺', '梓轩', '宇泽', '子航', '明哲', '思源', '嘉懿', '承泽', '煜', '皓', '铭', '瑞', '辰', '诺', '昊天'],
];

const FEMALE_GIVEN: readonly (readonly string[])[] = [
  // before 1950
  ['秀英', '桂英', '秀兰', '桂兰', '玉兰', '凤英', '淑珍', '秀珍', '桂芳', '玉珍', '凤兰', '玉梅', '淑英', '翠花', '兰英', '秀云',
    '桂珍', '素珍', '玉英', '金凤', '月英', '巧云', '改花', '粉英', '二妮', '英', '兰', '珍', '芳', '梅', '娥', '花'],
  // 1950–1964
  ['秀英', '桂兰', '秀兰', '玉兰', '淑华', '秀芳', '凤霞', '桂香', '冬梅', '春兰', '爱莲', '爱华', '玉霞', '建英', '秀梅', '淑芬',
    '玉芬', '美兰', '桂芝', '凤琴', '英', '兰', '珍', '芳', '梅', '霞', '琴', '萍', '华', '荣', '香', '莲'],
  // 1965–1979
  ['红梅', '丽华', '美玲', '秀梅', '丽娟', '海燕', '春燕', '红霞', '晓红', '艳红', '丽萍', '玉霞', '雪梅', '小红', '卫红', '秀丽',
    '红英', '彩霞', '晓燕', '爱玲', '艳', '敏', '静', '丽', '燕', '霞', '萍', '娟', '红', '英', '芳', '玲'],
  // 1980–1994
  ['静', '丽', '敏', '燕', '娟', '艳', '芳', '婷', '丹', '倩', '雪', '晶', '琳', '璐', '晓丽', '丽娜', '婷婷', '佳', '慧', '颖',
    '晓燕', '亚楠', '雅琴', '文静', '春艳', '媛媛', '莉', '楠', '晓静', '丹丹', '娜', '蕾'],
  // 1995–2009
  ['欣怡', '雨涵', '梓涵', '诗涵', '佳怡', '思雨', '雨欣', '可欣', '紫涵', '梦瑶', '婉婷', '雅婷', '心怡', '佳琪', '若曦', '欣然',
    '梦琪', '怡然', '雨萱', '佳欣', '思琪', '晓雪', '静怡', '雪', '琪', '瑶', '妍', '璐', '倩', '悦', '萌', '涵'],
  // 2010+
  ['子涵', '一诺', '欣怡', '梓涵', '若汐', '语桐', '依诺', '可馨', '芷若', '梓萱', '诗琪', '雨桐', '思彤', '安琪', '沐瑶', '一涵',
    '紫萱', '梓萌', '语汐', '诗涵', '梦琪', '悦', '馨', '彤', '萱', '汐', '可欣', '思语', '雨彤', '欣妍', '嘉怡', '锦汐'],
];

const ETHNICITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['汉族', 975], ['回族', 12], ['满族', 5], ['蒙古族', 3], ['壮族', 1.2], ['土家族', 0.8], ['苗族', 0.8], ['朝鲜族', 0.6],
  ['彝族', 0.4], ['藏族', 0.3], ['维吾尔族', 0.3], ['布依族', 0.2], ['侗族', 0.2], ['瑶族', 0.2],
];

export const SURNAMES: WeightedTable<string> = weightedTable(SURNAME_WEIGHTS);
export const ETHNICITIES: WeightedTable<string> = weightedTable(ETHNICITY_WEIGHTS);

/** All surnames in the table (for tests: compound ones are two characters). */
export const SURNAME_LIST: readonly string[] = SURNAME_WEIGHTS.map((p) => p[0]);

export function generationOf(birthYear: number): number {
  let g = GENERATION_STARTS.length - 1;
  while (g > 0 && birthYear < GENERATION_STARTS[g]!) g--;
  return g;
}

export function pickSurname(rng: Random): string {
  return rng.fromTable(SURNAMES);
}

/** A given name (1–2 characters) in the fashion of the birth year; slightly favouring a neighbouring generation sometimes. */
export function pickGivenName(rng: Random, sex: Sex, birthYear: number): string {
  let g = generationOf(birthYear);
  // Names drift: one in eight people gets a name from the neighbouring generation.
  const r = rng.next();
  if ((r & 7) === 0) g = (r & 8) !== 0 ? Math.min(g + 1, 5) : Math.max(g - 1, 0);
  const list = (sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN)[g]!;
  return list[(r >>> 4) % list.length]!;
}

export function pickName(rng: Random, sex: Sex, birthYear: number, surname?: string): string {
  return (surname ?? pickSurname(rng)) + pickGivenName(rng, sex, birthYear);
}

export function pickEthnicity(rng: Random): string {
  return rng.fromTable(ETHNICITIES);
}
