import type { jobStepsEn } from './job-steps.en.ts';

export const jobStepsRu: Record<keyof typeof jobStepsEn, string> = {
  'jobStep.reading': 'читаем источник',
  'jobStep.writing': 'пишем сценарий ({writer})',
  'jobStep.variants': 'пишем новые варианты этой сцены ({writer})',
  'jobStep.saving': 'сохраняем',
  'jobStep.analysing': 'анализируем',
  'jobStep.uploadingNarration': 'отправляем озвучку',
  'jobStep.ordering': 'заказываем клип',
  'jobStep.heygen': 'HeyGen делает клип',
  'jobStep.downloading': 'скачиваем клип',
  'jobStep.done': 'готово',
  'jobStep.writer.offline': 'встроенный автор',
  'jobStep.writer.llm': 'автор-LLM',
};
