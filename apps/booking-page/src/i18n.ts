/**
 * Every text of the booking page, in Chinese (the default for a browser that prefers Chinese)
 * and English. Written for a worried parent on a phone: short sentences, no jargon.
 */

export type Locale = 'zh-CN' | 'en';
export const LOCALES: Locale[] = ['zh-CN', 'en'];

const zh = {
  'page.title': '预约面谈',
  'page.intro': '与儿童心理专家当面谈一谈。免费，只需几步。',
  'language.switch': 'English',
  'language.switchLabel': 'Switch to English',
  step: '第 {n} 步，共 4 步',
  back: '返回',
  retry: '重试',
  loading: '正在加载…',
  working: '正在提交…',
  'error.unreachable': '无法连接，请检查网络后重试。',
  'error.throttled': '操作太频繁了，请稍等一分钟再试。',
  'error.server': '出了点问题，请稍后再试。',
  'topic.heading': '您想谈什么？',
  'topic.hint': '选一个最接近的就好，见面时都可以谈。',
  'time.heading': '选择日期和时间',
  'time.zone': '时间为咨询中心当地时间（{zone}）。',
  'time.session': '每次约 {minutes} 分钟。',
  'time.none': '近期没有空闲时间。',
  'time.slotLabel': '{day} {time}',
  'time.fullHeading': '想要的日期约满了？',
  'time.fullHint': '登记候补：有人取消时，我们会发短信通知您。',
  'time.waitlistFor': '候补 {day}',
  'details.heading': '您的信息',
  'details.parentName': '您的姓名（家长或监护人）',
  'details.phone': '手机号码',
  'details.phoneHint': '我们会发短信确认预约。',
  'details.child': '孩子的年龄或年级',
  'details.choose': '请选择',
  'details.ages': '年龄',
  'details.grades': '年级',
  'details.description': '简单说说情况（可不填）',
  'details.counter': '{count}/{max}',
  'details.consent': '我是孩子的家长或监护人。我同意热线保存以上信息，只用于安排这次面谈和联系我。',
  'details.continue': '下一步',
  'details.problems': '请修改标出的内容。',
  'field.parentName.missing': '请填写您的姓名。',
  'field.phone.missing': '请填写手机号码。',
  'field.phone.invalid': '这个号码看起来不对，请检查。',
  'field.child.missing': '请选择孩子的年龄或年级。',
  'field.description.long': '最多 {max} 字。',
  'field.consent.missing': '请勾选同意，才能预约。',
  'confirm.heading': '请确认预约',
  'confirm.topic': '话题',
  'confirm.when': '时间',
  'confirm.where': '地点',
  'confirm.name': '姓名',
  'confirm.phone': '手机',
  'confirm.child': '孩子',
  'confirm.book': '确认预约',
  'confirm.reschedule': '确认改到这个时间',
  'confirm.change': '修改',
  'taken.heading': '这个时间刚刚被约走了',
  'taken.pick': '下面这些时间还有空，点一个即可：',
  'taken.none': '附近没有空闲时间了。',
  'taken.other': '看看其他日期',
  'done.heading': '预约成功',
  'done.rescheduled': '已改期',
  'done.reference': '预约编号',
  'done.sms': '我们已发短信给您，里面有预约编号和下面的链接。',
  'done.manage': '查看、改期或取消预约',
  'done.keep': '请保存这个链接，改期或取消时会用到。',
  when: '{day} {time}',
  'manage.heading': '您的预约',
  'manage.status': '状态',
  'manage.cancel': '取消预约',
  'manage.reschedule': '改到其他时间',
  'manage.cancelQuestion': '确定要取消 {when} 的面谈吗？',
  'manage.cancelYes': '是的，取消',
  'manage.cancelNo': '不，保留预约',
  'manage.cancelled': '预约已取消。',
  'manage.callUs': '距离面谈已不足 {hours} 小时，无法在网上更改。如需更改，请致电热线 {phone}。',
  'manage.callUsNoNumber': '距离面谈已不足 {hours} 小时，无法在网上更改。如需更改，请致电热线。',
  'manage.closed': '这个预约已无法在网上更改。如有需要，请致电热线 {phone}。',
  'manage.closedNoNumber': '这个预约已无法在网上更改。如有需要，请致电热线。',
  'status.booked': '已预约',
  'status.cancelled': '已取消',
  'status.attended': '已到访',
  'status.no_show': '未到访',
  'invalid.heading': '这个链接已失效',
  'invalid.text': '预约可能已改期或取消，或链接已过期。',
  'invalid.bookAgain': '重新预约',
  'offer.heading': '有空位了',
  'offer.text': '我们为您保留了这个时间，保留到 {expires}。',
  'offer.accept': '接受这个时间',
  'offer.expired': '这个空位已过期或已被使用。',
  'waitlist.heading': '候补 {day}',
  'waitlist.intro': '这一天已约满。如有人取消，我们会发短信通知您，并为您保留这个时间一小段时间。',
  'waitlist.submit': '登记候补',
  'waitlist.done': '已登记候补。您目前排在第 {position} 位。',
  'waitlist.doneHint': '有空位时我们会发短信给您，请留意手机。',
  'waitlist.back': '返回选择时间',
};

export type TextKey = keyof typeof zh;

const en: Record<TextKey, string> = {
  'page.title': 'Book a face-to-face session',
  'page.intro': 'Talk in person with a child psychology expert. Free, in a few steps.',
  'language.switch': '中文',
  'language.switchLabel': '切换到中文',
  step: 'Step {n} of 4',
  back: 'Back',
  retry: 'Try again',
  loading: 'Loading…',
  working: 'Sending…',
  'error.unreachable': 'Could not connect. Check your connection and try again.',
  'error.throttled': 'Too many tries. Please wait a moment and try again.',
  'error.server': 'Something went wrong. Please try again later.',
  'topic.heading': 'What would you like to talk about?',
  'topic.hint': 'Pick the closest one; you can talk about anything when you meet.',
  'time.heading': 'Pick a day and a time',
  'time.zone': 'Times are local time at the centre ({zone}).',
  'time.session': 'A session takes about {minutes} minutes.',
  'time.none': 'There are no free times in the coming days.',
  'time.slotLabel': '{day} {time}',
  'time.fullHeading': 'Is the day you want full?',
  'time.fullHint': 'Join the waitlist: we will text you if a place frees up.',
  'time.waitlistFor': 'Waitlist for {day}',
  'details.heading': 'Your details',
  'details.parentName': 'Your name (parent or guardian)',
  'details.phone': 'Mobile phone number',
  'details.phoneHint': 'We will text you to confirm the booking.',
  'details.child': "Your child's age or school year",
  'details.choose': 'Choose',
  'details.ages': 'Age',
  'details.grades': 'School year',
  'details.description': 'A few words about the situation (optional)',
  'details.counter': '{count}/{max}',
  'details.consent':
    "I am the child's parent or guardian. I agree that the hotline keeps these details only to arrange this session and to contact me about it.",
  'details.continue': 'Continue',
  'details.problems': 'Please correct the marked fields.',
  'field.parentName.missing': 'Please enter your name.',
  'field.phone.missing': 'Please enter your mobile number.',
  'field.phone.invalid': 'This number does not look right. Please check it.',
  'field.child.missing': "Please choose your child's age or school year.",
  'field.description.long': 'At most {max} characters.',
  'field.consent.missing': 'Please tick the box to agree, so we can book.',
  'confirm.heading': 'Please check your booking',
  'confirm.topic': 'Topic',
  'confirm.when': 'When',
  'confirm.where': 'Where',
  'confirm.name': 'Name',
  'confirm.phone': 'Phone',
  'confirm.child': 'Child',
  'confirm.book': 'Book this session',
  'confirm.reschedule': 'Move my session to this time',
  'confirm.change': 'Change',
  'taken.heading': 'That time was just taken',
  'taken.pick': 'These times are still free. Tap one:',
  'taken.none': 'There are no free times near it.',
  'taken.other': 'See other days',
  'done.heading': 'You are booked',
  'done.rescheduled': 'Your session was moved',
  'done.reference': 'Booking reference',
  'done.sms': 'We sent you an SMS with this reference and the link below.',
  'done.manage': 'View, reschedule or cancel',
  'done.keep': 'Keep this link: you need it to reschedule or cancel.',
  when: '{day}, {time}',
  'manage.heading': 'Your booking',
  'manage.status': 'Status',
  'manage.cancel': 'Cancel the booking',
  'manage.reschedule': 'Move to another time',
  'manage.cancelQuestion': 'Cancel your session on {when}?',
  'manage.cancelYes': 'Yes, cancel it',
  'manage.cancelNo': 'No, keep it',
  'manage.cancelled': 'Your booking is cancelled.',
  'manage.callUs':
    'It is less than {hours} hours before the session, so it cannot be changed online. Please call the hotline at {phone}.',
  'manage.callUsNoNumber':
    'It is less than {hours} hours before the session, so it cannot be changed online. Please call the hotline.',
  'manage.closed':
    'This booking can no longer be changed online. Please call the hotline at {phone}.',
  'manage.closedNoNumber': 'This booking can no longer be changed online. Please call the hotline.',
  'status.booked': 'Booked',
  'status.cancelled': 'Cancelled',
  'status.attended': 'Attended',
  'status.no_show': 'Did not come',
  'invalid.heading': 'This link is no longer valid',
  'invalid.text': 'The booking may have been moved or cancelled, or the link has expired.',
  'invalid.bookAgain': 'Book a session',
  'offer.heading': 'A place is free for you',
  'offer.text': 'We are holding this time for you until {expires}.',
  'offer.accept': 'Accept this time',
  'offer.expired': 'This place has expired or was already taken.',
  'waitlist.heading': 'Waitlist for {day}',
  'waitlist.intro':
    'This day is full. If someone cancels, we will text you and hold the time for you for a short while.',
  'waitlist.submit': 'Join the waitlist',
  'waitlist.done': 'You are on the waitlist. You are number {position}.',
  'waitlist.doneHint': 'We will text you when a place frees up.',
  'waitlist.back': 'Back to the times',
};

const dictionaries: Record<Locale, Record<TextKey, string>> = { 'zh-CN': zh, en };

export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : whole,
    );
}

/**
 * The page's language: one the parent picked before, else Chinese when the browser prefers
 * it over English (or prefers neither), else English.
 */
export function chooseLocale(saved: string | null, preferred: readonly string[]): Locale {
  if (saved === 'zh-CN' || saved === 'en') return saved;
  for (const language of preferred) {
    const tag = language.toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Labels of the school years (the keys of the contact records' `grade`). */
export const GRADE_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  kindergarten: { 'zh-CN': '幼儿园', en: 'Kindergarten' },
  primary_1: { 'zh-CN': '小学一年级', en: 'Primary year 1' },
  primary_2: { 'zh-CN': '小学二年级', en: 'Primary year 2' },
  primary_3: { 'zh-CN': '小学三年级', en: 'Primary year 3' },
  primary_4: { 'zh-CN': '小学四年级', en: 'Primary year 4' },
  primary_5: { 'zh-CN': '小学五年级', en: 'Primary year 5' },
  primary_6: { 'zh-CN': '小学六年级', en: 'Primary year 6' },
  junior_1: { 'zh-CN': '初一', en: 'Junior middle year 1' },
  junior_2: { 'zh-CN': '初二', en: 'Junior middle year 2' },
  junior_3: { 'zh-CN': '初三', en: 'Junior middle year 3' },
  senior_1: { 'zh-CN': '高一', en: 'Senior middle year 1' },
  senior_2: { 'zh-CN': '高二', en: 'Senior middle year 2' },
  senior_3: { 'zh-CN': '高三', en: 'Senior middle year 3' },
  vocational: { 'zh-CN': '职业学校', en: 'Vocational school' },
  not_in_school: { 'zh-CN': '未上学', en: 'Not in school' },
};
