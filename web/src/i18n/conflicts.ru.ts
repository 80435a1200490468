import type { conflictsEn } from './conflicts.en.ts';

export const conflictsRu: Record<keyof typeof conflictsEn, string> = {
  'conflict.dialogTitle': 'Не сохранено: этап изменили в другом месте',
  'conflict.dialogBody': 'После того как вы начали это изменение, в другой вкладке или другой человек сохранил версию {v}. Ваше изменение осталось здесь: выберите, что оставить.',
  'conflict.dialogGone': 'Этапа, который вы меняли, больше нет. «Оставить моё» сохранит его заново.',
  'conflict.changedHere': 'Изменено здесь: {list}',
  'conflict.changedThere': 'Изменено там: {list}',
  'conflict.changedBoth': 'Изменено в обоих местах (при объединении останется ваше): {list}',
  'conflict.theirData': 'Их версия',
  'conflict.seeOther': 'Показать другое изменение',
  'conflict.keepMineOverwrite': 'Оставить моё',
  'conflict.scene': 'Сцена {n}',
  'conflict.merge': 'Объединить',
  'conflict.mergeHint': 'При объединении каждая сцена берётся оттуда, где её изменили.',
  'conflict.changedBothPlain': 'Изменено в обоих местах: {list}',
  'conflict.storyboardSettings': 'Музыка и субтитры',
  'conflict.storyboardKeepHint': '«Оставить моё» сохранит только ваше изменение поверх другого.',
  'conflict.avatarKeepHint': '«Оставить моё» сохранит ваш выбор вместо другого.',
};
