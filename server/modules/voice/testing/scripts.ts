/** Short test scripts in both languages (about 45 words each), scene by scene. */
export const ENGLISH_SCENES = [
  { id: 'hook', text: 'Every day, millions of people open their phones and scroll through short videos.' },
  { id: 'body', text: 'Some clips gather thousands of views, while others go unnoticed. The secret is simple: a strong opening, a clear story and one idea.' },
  { id: 'cta', text: 'Try it yourself today — and tell us how it went!' },
];

export const RUSSIAN_SCENES = [
  { id: 'hook', text: 'Каждый день миллионы людей открывают телефон и листают короткие видео.' },
  { id: 'body', text: 'Одни ролики набирают тысячи просмотров, другие остаются незамеченными. Секрет прост: сильное начало, понятная история и одна мысль.' },
  { id: 'cta', text: 'Попробуйте сами уже сегодня — и расскажите, что получилось!' },
];

/** A short local news item (no digits: festival reads each word as written), one sentence per scene. */
export const ENGLISH_NEWS_SCENES = [
  { id: 'met', text: 'The council met on Tuesday evening and approved the new plan for the harbour.' },
  { id: 'asked', text: 'Residents had asked for safer crossings, better lighting and a quieter road.' },
  { id: 'spring', text: 'Work will start in the spring, and the mayor said the first section should open before the summer holidays.' },
  { id: 'noise', text: 'Some shop owners worry about the noise.' },
];

export const RUSSIAN_NEWS_SCENES = [
  { id: 'met', text: 'Городской совет собрался во вторник вечером и одобрил новый план для гавани.' },
  { id: 'asked', text: 'Жители просили безопасные переходы, хорошее освещение и тихую дорогу.' },
  { id: 'spring', text: 'Работы начнутся весной, и мэр сказал, что первый участок откроют до летних каникул.' },
  { id: 'noise', text: 'Некоторые владельцы магазинов беспокоятся о шуме.' },
];
