import type { projectsPageEn } from './projects-page.en.ts';

export const projectsPageRu: Record<keyof typeof projectsPageEn, string> = {
  'projects.stagesDone': 'Готово этапов: {done} из {total}',
  'projects.search': 'Поиск проектов',
  'projects.searchPlaceholder': 'Поиск по названию',
  'projects.workFilter': 'Видео',
  'projects.emptySearch': 'Нет проектов по этому запросу или фильтру.',
  'work.rendering': 'Идёт рендер',
  'work.ready': 'Видео готово',
  'work.outdated': 'Видео устарело',
};
