import type { importErrorsEn } from './import-errors.en.ts';

export const importErrorsRu: Record<keyof typeof importErrorsEn, string> = {
  'importError.feedUrl': 'Это новостная лента, а не статья. Добавить её в ваши ленты?',
  'importError.feedUrlNamed': 'Это новостная лента «{title}», а не статья. Добавить её в ваши ленты?',
  'importError.addFeed': 'Добавить в мои ленты',
  'importError.feedAdded': 'Лента добавлена. Выберите одну из её новостей на странице «Новости» или здесь, как новость.',
  'importError.toNews': 'Открыть новости',
  'importError.noArticle': 'На этой странице нет статьи. Возможно, это список ссылок, главная страница или платный материал: откройте одну новость и вставьте её адрес.',
  'importError.tooLong': 'Текст слишком длинный: не больше {characters} символов (около {words, plural, one {# слова} few {# слов} many {# слов} other {# слова}}). Сократите его или разделите на несколько видео.',
  'importError.empty': 'Текст пустой: вставьте текст статьи или её адрес.',
  'textCounter.characters': '{characters, plural, one {# символ} few {# символа} many {# символов} other {# символа}} из {limit}',
  'textCounter.withWords': '{characters, plural, one {# символ} few {# символа} many {# символов} other {# символа}} из {limit} · {words, plural, one {# слово} few {# слова} many {# слов} other {# слова}}',
  'textCounter.over': 'Слишком длинно: {characters, plural, one {# символ} few {# символа} many {# символов} other {# символа}} при пределе {limit}. Сократите на {over, plural, one {# символ} few {# символа} many {# символов} other {# символа}} или разделите текст на несколько видео.',
};
