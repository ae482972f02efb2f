// Demo places: the provinces, cities and counties named in shared/domain/mission-systems.md with
// their real 统计用区划代码. Townships below them carry real street/town names, but their 3-digit
// codes here are demo values (not checked against the official list); communities and grids are
// invented. Replace with the official list via import for production use.

export type Place = { code: string; name: string };

export const PROVINCES: Place[] = [
  { code: '14', name: '山西省' },
  { code: '37', name: '山东省' },
  { code: '41', name: '河南省' },
];

export const CITIES: Place[] = [
  { code: '1401', name: '太原市' },
  { code: '1408', name: '运城市' },
  { code: '3701', name: '济南市' },
  { code: '4101', name: '郑州市' },
  { code: '4108', name: '焦作市' },
];

export const COUNTIES: Place[] = [
  { code: '140107', name: '杏花岭区' },
  { code: '140109', name: '万柏林区' },
  { code: '140802', name: '盐湖区' },
  { code: '140826', name: '绛县' },
  { code: '370117', name: '钢城区' },
  { code: '410103', name: '二七区' },
  { code: '410802', name: '解放区' },
  { code: '410803', name: '中站区' },
  { code: '410822', name: '博爱县' },
  { code: '410823', name: '武陟县' },
  { code: '410825', name: '温县' },
  { code: '410883', name: '孟州市' },
];

/** Townships per county: 0xx are 街道 (streets), 1xx are 镇 (towns), following the code scheme. */
export const TOWNSHIPS: Record<string, string[]> = {
  '140107': ['巨轮街道', '三桥街道', '坝陵桥街道', '大东关街道'],
  '140109': ['千峰街道', '下元街道', '和平街道', '万柏林街道'],
  '140802': ['北城街道', '南城街道', '东城街道', '解州镇'],
  '140826': ['古绛镇', '横水镇', '陈村镇'],
  '370117': ['艾山街道', '里辛街道', '汶源街道', '颜庄镇'],
  '410103': ['淮河路街道', '解放路街道', '铭功路街道', '蜜蜂张街道'],
  '410802': ['焦北街道', '七百间街道', '新华街道'],
  '410803': ['朱村街道', '府城街道'],
  '410822': ['清化镇街道', '鸿昌街道'],
  '410823': ['木城街道', '龙源街道'],
  '410825': ['温泉街道', '岳村街道'],
  '410883': ['会昌街道', '大定街道'],
};

export const COMMUNITY_NAMES = ['和平社区', '建设社区', '幸福社区', '光明社区', '新华社区', '友谊社区', '朝阳社区', '东风社区'];
export const VILLAGE_NAMES = ['东村', '西村', '南庄村', '北庄村', '前进村', '红旗村'];
export const GRID_NAMES = ['第一网格', '第二网格', '第三网格'];
