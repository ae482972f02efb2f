// Chinese labels of the registry's coded values, for exports and screens. Browser-safe.
export const PERSON_LABELS_ZH = {
  sex: { male: '男', female: '女' },
  maritalStatus: { unmarried: '未婚', married: '已婚', divorced: '离异', widowed: '丧偶' },
  education: { none: '文盲或半文盲', primary: '小学', junior: '初中', senior: '高中', vocational: '中专', college: '大专', bachelor: '本科', postgraduate: '研究生' },
  employmentStatus: { employed: '在业', flexible: '灵活就业', unemployed: '失业', retired: '退休', student: '在校学生', not_in_labour_force: '无劳动能力或未就业' },
  workCapacity: { full: '完全劳动能力', partial: '部分劳动能力', none: '无劳动能力' },
  disabilityCategory: { visual: '视力', hearing: '听力', speech: '言语', physical: '肢体', intellectual: '智力', mental: '精神', multiple: '多重' },
  relationship: { head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandparent: '祖父母', grandchild: '孙子女', sibling: '兄弟姐妹', other: '其他' },
} as const;

export const GRADE_LABELS_ZH = ['', '一级', '二级', '三级', '四级'] as const;

export function labelOf(kind: keyof typeof PERSON_LABELS_ZH, code: string | null | undefined): string {
  if (!code) return '';
  return (PERSON_LABELS_ZH[kind] as Record<string, string>)[code] ?? code;
}
