/** Function words that make poor card headlines (English and Russian). */
const STOPWORDS = new Set(
  `a an the and or but if then so of to in on at by for with from as is are was were be been being it its this that these those
there here what which who whom whose how why when where do does did have has had not no yes you your we our they their he she his her
i me my will would can could should may might must just also very more most than into about over after before up down out
и в во не что он она оно они на я с со как а то все всё так его её их но да ты к у же вы за бы по только ее мне было вот от меня еще ещё
нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был была были него до вас нибудь опять уж вам ведь там потом себя
ничего ей может тут где есть надо ней для мы тебя чем сам чтобы без будто чего раз тоже себе под будет ж тогда кто этот того
потому этого какой совсем ним здесь этом один почти мой тем чтоб нее сейчас куда зачем всех никогда можно при наконец два об
другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда
лучше чуть том нельзя такой им более всегда конечно всю между это эта`.split(/\s+/),
);

/**
 * Up to `max` content words of a scene's text for its card, in reading order: the longest
 * non-stopwords win, so "Why cats rule the internet" gives "cats rule internet".
 */
export function keywordsFromText(text: string, max = 4): string[] {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 1 && !STOPWORDS.has(w.toLocaleLowerCase()));
  const chosen = new Set(
    words
      .map((word, index) => ({ word, index }))
      .sort((a, b) => b.word.length - a.word.length || a.index - b.index)
      .slice(0, max)
      .map((w) => w.index),
  );
  return words.filter((_, index) => chosen.has(index));
}
