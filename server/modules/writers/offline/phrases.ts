import type { FormatId, Language } from '../../../../contracts/formats.ts';

/*
 * The only words the offline writer adds to a source: closes, list ordinals and, for a bare idea,
 * marked places to fill in. Each list has several entries so a regenerated scene can rotate.
 * Grave subjects get sober closes only: no questions to the audience, no "tell me in the comments".
 */

export interface ClosePhrases {
  sober: string[];
  byFormat: Record<FormatId, Array<{ style: 'question' | 'bold' | 'plain'; text: string }>>;
}

export interface Phrases {
  close: ClosePhrases;
  ordinals: string[];
  /** Places to fill in for a bare idea, per format; `{idea}` is never inserted into them. */
  fill: Record<'fact' | 'number' | 'example' | 'quote' | 'argument' | 'counter' | 'step' | 'story', string[]>;
}

const EN: Phrases = {
  close: {
    sober: ['That is what is known so far.', 'We will follow this story as it develops.', 'Details are still being confirmed; check official sources for updates.', 'This story is still developing.', 'We will report more when it is confirmed.', 'Official updates will follow.'],
    byFormat: {
      news: [
        { style: 'plain', text: 'Follow for the next update on this story.' },
        { style: 'question', text: 'What do you make of this? Tell me in the comments.' },
        { style: 'bold', text: 'Follow so you do not miss what happens next.' },
        { style: 'plain', text: 'Share this with someone who should know.' },
        { style: 'bold', text: 'Subscribe for the news that matters, in under a minute.' },
        { style: 'question', text: 'Would this change anything where you live?' },
      ],
      'hook-story': [
        { style: 'plain', text: 'Follow for more stories like this one.' },
        { style: 'question', text: 'Have you seen anything like this? Let me know below.' },
        { style: 'bold', text: 'Follow so you do not miss the next story.' },
        { style: 'plain', text: 'Share this with someone who would like it.' },
        { style: 'bold', text: 'Subscribe for more true stories.' },
        { style: 'question', text: 'What would you have done?' },
      ],
      explainer: [
        { style: 'plain', text: 'Follow for more clear explanations.' },
        { style: 'question', text: 'What should I explain next? Tell me below.' },
        { style: 'bold', text: 'Save this so you have it when the topic comes up.' },
        { style: 'plain', text: 'Share this with someone who asked about it.' },
        { style: 'bold', text: 'Subscribe and learn something new every day.' },
        { style: 'question', text: 'Anything still unclear? Ask in the comments.' },
      ],
      listicle: [
        { style: 'plain', text: 'Follow for more lists like this.' },
        { style: 'question', text: 'What would you add to this list?' },
        { style: 'bold', text: 'Save this list for later.' },
        { style: 'plain', text: 'Share this with a friend who would use it.' },
        { style: 'bold', text: 'Subscribe for the next list.' },
        { style: 'question', text: 'Which one would you try first?' },
      ],
      comparison: [
        { style: 'plain', text: 'Follow for more honest comparisons.' },
        { style: 'question', text: 'Which would you choose? Let me know below.' },
        { style: 'bold', text: 'Save this before you make your choice.' },
        { style: 'plain', text: 'Share this with someone who is deciding.' },
        { style: 'bold', text: 'Subscribe for more side-by-side looks.' },
        { style: 'question', text: 'Did I miss a difference?' },
      ],
      'hot-take': [
        { style: 'question', text: 'Agree or disagree? Tell me in the comments.' },
        { style: 'plain', text: 'Follow for more honest opinions.' },
        { style: 'bold', text: 'Share this with someone who will argue with it.' },
        { style: 'question', text: 'Where do you stand on this?' },
        { style: 'bold', text: 'Subscribe if you like a real debate.' },
        { style: 'plain', text: 'That is my view; yours may differ.' },
      ],
    },
  },
  ordinals: ['Number one.', 'Number two.', 'Number three.', 'Number four.', 'Number five.', 'Number six.', 'Number seven.', 'Number eight.'],
  fill: {
    fact: ['[add a fact: what exactly happened or is true, with its source]', '[add a fact that backs this up, and where it comes from]', '[add the key fact a viewer needs first]'],
    number: ['[add a number that shows the scale, with its source]', '[add one figure: how many, how much or how often]', '[add a statistic and who measured it]'],
    example: ['[add a real example: a place, a person or a project]', '[add an example the viewer will recognise]', '[add a case where this already works]'],
    quote: ['[add a short quote from someone who knows, and their name]', '[add what an expert or a witness said]', '[add a line from a source, with who said it]'],
    argument: ['[add your main argument in one sentence]', '[add the reason you believe this]', '[add the strongest point for your view]'],
    counter: ['[add the best argument against, and your answer to it]', '[add what critics say, and why you still disagree]', '[add the catch or the cost, honestly]'],
    step: ['[add the first step: how it starts]', '[add the next step: what happens then]', '[add the result: what changes in the end]'],
    story: ['[add the moment it started: who, where, when]', '[add the turning point]', '[add how it ended, or where it stands now]'],
  },
};

const RU: Phrases = {
  close: {
    sober: ['Это всё, что известно на данный момент.', 'Мы будем следить за развитием событий.', 'Подробности уточняются; следите за официальными сообщениями.', 'Ситуация продолжает развиваться.', 'Мы расскажем, когда появятся подтверждённые данные.', 'Официальные сообщения ещё впереди.'],
    byFormat: {
      news: [
        { style: 'plain', text: 'Подписывайтесь, чтобы не пропустить продолжение.' },
        { style: 'question', text: 'Что вы об этом думаете? Напишите в комментариях.' },
        { style: 'bold', text: 'Подпишитесь, чтобы узнать, что будет дальше.' },
        { style: 'plain', text: 'Поделитесь с теми, кому это важно.' },
        { style: 'bold', text: 'Главные новости за минуту: подписывайтесь.' },
        { style: 'question', text: 'Изменит ли это что-то в вашем городе?' },
      ],
      'hook-story': [
        { style: 'plain', text: 'Подписывайтесь на новые истории.' },
        { style: 'question', text: 'Слышали о таком? Напишите в комментариях.' },
        { style: 'bold', text: 'Подпишитесь, чтобы не пропустить следующую историю.' },
        { style: 'plain', text: 'Поделитесь с тем, кому это понравится.' },
        { style: 'bold', text: 'Больше настоящих историй на канале.' },
        { style: 'question', text: 'А как бы поступили вы?' },
      ],
      explainer: [
        { style: 'plain', text: 'Подписывайтесь на понятные объяснения.' },
        { style: 'question', text: 'Что объяснить в следующий раз? Напишите в комментариях.' },
        { style: 'bold', text: 'Сохраните, чтобы не искать потом.' },
        { style: 'plain', text: 'Отправьте тому, кто об этом спрашивал.' },
        { style: 'bold', text: 'Подпишитесь и узнавайте новое каждый день.' },
        { style: 'question', text: 'Что-то осталось непонятным? Спросите в комментариях.' },
      ],
      listicle: [
        { style: 'plain', text: 'Подписывайтесь на новые подборки.' },
        { style: 'question', text: 'Что бы вы добавили в этот список?' },
        { style: 'bold', text: 'Сохраните список, пригодится.' },
        { style: 'plain', text: 'Поделитесь с другом, которому это пригодится.' },
        { style: 'bold', text: 'Подпишитесь, чтобы не пропустить следующий список.' },
        { style: 'question', text: 'С чего бы вы начали?' },
      ],
      comparison: [
        { style: 'plain', text: 'Подписывайтесь на честные сравнения.' },
        { style: 'question', text: 'Что бы выбрали вы? Напишите в комментариях.' },
        { style: 'bold', text: 'Сохраните, пока выбираете.' },
        { style: 'plain', text: 'Поделитесь с тем, кто сейчас выбирает.' },
        { style: 'bold', text: 'Больше сравнений на канале.' },
        { style: 'question', text: 'Какую разницу я упустил?' },
      ],
      'hot-take': [
        { style: 'question', text: 'Согласны или нет? Напишите в комментариях.' },
        { style: 'plain', text: 'Подписывайтесь на честные мнения.' },
        { style: 'bold', text: 'Отправьте тому, кто с этим поспорит.' },
        { style: 'question', text: 'А на чьей стороне вы?' },
        { style: 'bold', text: 'Подпишитесь, если любите настоящие споры.' },
        { style: 'plain', text: 'Это моё мнение; ваше может отличаться.' },
      ],
    },
  },
  ordinals: ['Первое.', 'Второе.', 'Третье.', 'Четвёртое.', 'Пятое.', 'Шестое.', 'Седьмое.', 'Восьмое.'],
  fill: {
    fact: ['[добавьте факт: что именно произошло или верно, и источник]', '[добавьте факт, который это подтверждает, и откуда он]', '[добавьте главный факт, который зритель должен узнать первым]'],
    number: ['[добавьте число, которое показывает масштаб, и источник]', '[добавьте одну цифру: сколько, как дорого или как часто]', '[добавьте статистику и кто её собрал]'],
    example: ['[добавьте реальный пример: место, человека или проект]', '[добавьте пример, который зритель узнает]', '[добавьте случай, где это уже работает]'],
    quote: ['[добавьте короткую цитату знающего человека и его имя]', '[добавьте слова эксперта или очевидца]', '[добавьте фразу из источника и кто её сказал]'],
    argument: ['[добавьте главный аргумент одним предложением]', '[добавьте причину, почему вы так считаете]', '[добавьте самый сильный довод за вашу позицию]'],
    counter: ['[добавьте лучший довод против и ваш ответ]', '[добавьте, что говорят критики, и почему вы не согласны]', '[честно добавьте минусы или цену]'],
    step: ['[добавьте первый шаг: с чего всё начинается]', '[добавьте следующий шаг: что происходит дальше]', '[добавьте результат: что меняется в итоге]'],
    story: ['[добавьте начало: кто, где, когда]', '[добавьте поворотный момент]', '[добавьте, чем всё закончилось или где это сейчас]'],
  },
};

export const PHRASES: Record<Language, Phrases> = { en: EN, ru: RU };

/** The entry `offset` places along, wrapping. */
export function pick<T>(list: readonly T[], offset: number): T {
  const item = list[((offset % list.length) + list.length) % list.length];
  if (item === undefined) throw new Error('phrase list is empty');
  return item;
}
