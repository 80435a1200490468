import type { makeEn } from './make.en.ts';

/** «Сделать видео» (быстрый путь). */
export const makeRu: Record<keyof typeof makeEn, string> = {
  'make.action': 'Сделать видео',
  'make.actionHint': 'Сценарий, озвучка, визуал и рендер за один раз; каждый этап потом можно поправить.',
  'make.title': 'Видео готовится',
  'make.lead': 'Каждый этап выполняется с лучшим вариантом. Потом любой из них можно изменить — заново сделается только изменённое.',
  'make.stage.script': 'Сценарий с лучшим вариантом каждой сцены',
  'make.stage.voice': 'Озвучка',
  'make.stage.storyboard': 'Раскадровка',
  'make.stage.render': 'Рендер',
  'make.state.done': 'Готово',
  'make.state.running': 'Идёт',
  'make.state.waiting': 'Ждёт',
  'make.queued': 'Ждём свободного исполнителя…',
  'make.cancel': 'Остановить',
  'make.cancelled': 'Остановлено. Всё сделанное сохранено в этапах.',
  'make.failed': 'Не удалось сделать видео',
  'make.failedAt': 'Остановилось на этапе «{stage}». Откройте его, чтобы увидеть причину, или попробуйте снова.',
  'make.retry': 'Попробовать снова',
  'make.openStage': 'Открыть этап',
  'make.none': 'Сейчас для этого проекта ничего не делается.',
  'make.toVideo': 'К видео',
};
