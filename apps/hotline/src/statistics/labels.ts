import { defaultTaxonomy } from '@hotline/taxonomy';

export interface Label {
  'zh-CN': string;
  en: string;
}

const l = (zh: string, en: string): Label => ({ 'zh-CN': zh, en });

/** Readable names for every bucket a report shows, in both languages the hotline speaks. */
const NAMES: Record<string, Record<string, Label>> = {
  channel: {
    phone: l('电话', 'Phone'),
    face_to_face: l('面询', 'Face-to-face'),
    online: l('网络', 'Online'),
  },
  caller_type: {
    pupil: l('学生', 'Pupil'),
    parent: l('家长', 'Parent'),
    teacher: l('教师', 'Teacher'),
    other: l('其他', 'Other'),
  },
  age_band: {
    under_6: l('6岁以下', 'Under 6'),
    '6_11': l('6–11岁', '6–11'),
    '12_14': l('12–14岁', '12–14'),
    '15_17': l('15–17岁', '15–17'),
    '18_plus': l('18岁及以上', '18 and over'),
  },
  gender: {
    female: l('女', 'Female'),
    male: l('男', 'Male'),
    other: l('其他', 'Other'),
  },
  risk: {
    none: l('无', 'None'),
    low: l('低', 'Low'),
    medium: l('中', 'Medium'),
    high: l('高', 'High'),
    imminent: l('紧急', 'Imminent'),
  },
  outcome: {
    advice_given: l('已给予建议', 'Advice given'),
    booked_face_to_face: l('已预约面询', 'Face-to-face booked'),
    referred_to_hospital: l('转介医院', 'Referred to hospital'),
    crisis_intervention: l('危机干预', 'Crisis intervention'),
    callback_arranged: l('已安排回电', 'Call-back arranged'),
  },
  non_counselling: {
    silent: l('无声来电', 'Silent'),
    prank: l('恶作剧', 'Prank'),
    wrong_number: l('打错电话', 'Wrong number'),
    hung_up: l('未开口即挂断', 'Hung up before speaking'),
    abusive: l('辱骂骚扰', 'Abusive'),
    test: l('测试', 'Test'),
  },
  trigger: {
    danger_key: l('危险键', 'Danger key'),
    risk_level: l('高风险记录', 'High-risk record'),
  },
  review_reason: {
    high_risk: l('高风险', 'High risk'),
    trainee: l('见习志愿者', 'Trainee'),
    sample: l('抽样', 'Sampled'),
  },
};

const SHARED: Record<string, Label> = {
  not_categorised: l('未分类', 'Not categorised'),
  unknown: l('未知', 'Unknown'),
};

/** The label of a bucket of a dimension; topics come from the taxonomy. */
export function labelOf(dimension: string, key: string): Label {
  if (SHARED[key]) return SHARED[key];
  if (dimension === 'topic') {
    const topic = defaultTaxonomy().get(key);
    if (topic) return { 'zh-CN': topic.label['zh-CN'], en: topic.label.en };
  }
  return NAMES[dimension]?.[key] ?? l(key, key);
}
