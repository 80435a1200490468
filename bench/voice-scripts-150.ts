/** 150-word scripts (5 scenes of 30 words) for the voice benchmark. */
export const ENGLISH_150 = [
  { id: 's1', text: 'Every single morning, millions of people wake up, reach for their phones and start scrolling. Within seconds they decide what deserves their attention and what disappears forever from their feed.' },
  { id: 's2', text: 'Short videos win that contest when the first sentence makes a promise. Tell viewers what they will learn, show them why it matters, and keep every sentence short and clear.' },
  { id: 's3', text: 'Next comes the story itself. One idea per video works better than five. Give one simple concrete example, a surprising number or a quick comparison that anyone can picture immediately.' },
  { id: 's4', text: 'Captions matter more than most creators think. Many people watch without sound, on buses, in queues or late at night, so every spoken word should also appear on the screen.' },
  { id: 's5', text: 'Finally, finish with a single call to action. Ask viewers to follow, to comment or to try the idea themselves today, and then tell you how it went for them.' },
];

export const RUSSIAN_150 = [
  { id: 's1', text: 'Каждое утро миллионы людей по всему миру просыпаются, берут телефон и начинают листать ленту. За несколько коротких секунд они решают, что заслуживает внимания, а что навсегда исчезнет из их ленты.' },
  { id: 's2', text: 'Короткое видео выигрывает эту борьбу, когда самая первая фраза даёт ясное обещание. Скажите своему зрителю, что он узнает, покажите, почему это по-настоящему важно, и делайте каждое предложение коротким и ясным.' },
  { id: 's3', text: 'Дальше идёт сама история, ради которой зритель остался. Одна мысль в ролике работает лучше пяти. Приведите конкретный пример, неожиданную цифру или быстрое сравнение, которое любой человек сразу легко себе представит.' },
  { id: 's4', text: 'Субтитры важнее, чем думают многие начинающие авторы. Люди очень часто смотрят видео без звука, в автобусе, в очереди или поздно ночью, поэтому каждое сказанное слово должно сразу появиться на экране.' },
  { id: 's5', text: 'В самом конце оставьте один понятный призыв к действию. Попросите подписаться, написать комментарий или попробовать идею сегодня же, а потом честно рассказать вам, что именно у них получилось в итоге.' },
];
