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
