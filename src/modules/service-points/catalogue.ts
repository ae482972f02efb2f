// The catalogues a new installation starts with: kinds of point and services, from the sources
// (户外劳动者爱心驿站, the three-tier 医保 network, 日间照料中心, 农村幸福院, 幸福食堂, 养老院, 爱心超市,
// 社工站, 零工市场, 救助管理站). The system administrator adds more; codes never change.
export const DEFAULT_TYPES = [
  { code: 'love_station', nameZh: '爱心驿站', nameEn: 'Outdoor workers’ rest station' },
  { code: 'medical_insurance_hall', nameZh: '医保服务大厅', nameEn: 'Medical insurance service hall' },
  { code: 'medical_insurance_station', nameZh: '医保服务站', nameEn: 'Medical insurance workstation' },
  { code: 'medical_insurance_point', nameZh: '医保服务点', nameEn: 'Medical insurance service point' },
  { code: 'day_care_centre', nameZh: '日间照料中心', nameEn: 'Day-care centre' },
  { code: 'happiness_home', nameZh: '幸福院', nameEn: 'Rural elderly happiness home' },
  { code: 'happiness_canteen', nameZh: '幸福食堂', nameEn: 'Community canteen for the elderly' },
  { code: 'care_home', nameZh: '养老院', nameEn: 'Care home' },
  { code: 'charity_supermarket', nameZh: '爱心超市', nameEn: 'Charity supermarket' },
  { code: 'social_work_station', nameZh: '社工站', nameEn: 'Social-work station' },
  { code: 'gig_market', nameZh: '零工市场', nameEn: 'Gig-work market' },
  { code: 'rescue_station', nameZh: '救助管理站', nameEn: 'Rescue station' },
].map((t, i) => ({ ...t, sortOrder: (i + 1) * 10 }));

export const SERVICE_GROUPS = ['basic', 'social_insurance', 'medical_insurance', 'care', 'relief', 'work'] as const;

export const DEFAULT_SERVICES = [
  { code: 'hot_water', nameZh: '热水', nameEn: 'Hot water', groupCode: 'basic' },
  { code: 'hot_meal', nameZh: '热饭（微波炉）', nameEn: 'Heating a meal (microwave)', groupCode: 'basic' },
  { code: 'charging', nameZh: '充电', nameEn: 'Phone charging', groupCode: 'basic' },
  { code: 'toilet', nameZh: '如厕', nameEn: 'Toilet', groupCode: 'basic' },
  { code: 'rest', nameZh: '休息', nameEn: 'Rest', groupCode: 'basic' },
  { code: 'first_aid_kit', nameZh: '应急药箱', nameEn: 'First-aid kit', groupCode: 'basic' },
  { code: 'social_insurance_advice', nameZh: '社保咨询', nameEn: 'Social insurance questions', groupCode: 'social_insurance' },
  { code: 'mi_enrolment', nameZh: '医保参保登记', nameEn: 'Medical insurance enrolment', groupCode: 'medical_insurance' },
  { code: 'mi_info_change', nameZh: '医保信息变更', nameEn: 'Medical insurance record changes', groupCode: 'medical_insurance' },
  { code: 'mi_out_of_area', nameZh: '异地就医备案', nameEn: 'Registering treatment in another area', groupCode: 'medical_insurance' },
  { code: 'mi_errands', nameZh: '医保帮办代办', nameEn: 'Medical insurance errands done for you', groupCode: 'medical_insurance' },
  { code: 'meal_service', nameZh: '助餐', nameEn: 'Meals for the elderly', groupCode: 'care' },
  { code: 'day_care', nameZh: '日间照料', nameEn: 'Day care', groupCode: 'care' },
  { code: 'goods_distribution', nameZh: '物资发放', nameEn: 'Goods distribution', groupCode: 'relief' },
  { code: 'emergency_shelter', nameZh: '临时住宿', nameEn: 'Emergency shelter', groupCode: 'relief' },
  { code: 'job_matching', nameZh: '零工对接', nameEn: 'Gig-job matching', groupCode: 'work' },
].map((s, i) => ({ ...s, sortOrder: (i + 1) * 10 }));

export const ACCESSIBILITY = ['step_free', 'accessible_toilet', 'wheelchair', 'hearing_loop', 'braille', 'elderly_friendly'] as const;
