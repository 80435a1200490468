import { useI18n } from '../../i18n/i18n.tsx';
import { textCount } from '../../lib/text-count.ts';

interface TextCounterProps {
  text: string;
  /** The server's limit in characters (contracts/text-limits.ts). */
  limit: number;
  /** The server's word count, where nothing else on the screen shows one. */
  words?: number | null;
}

/** How long a pasted text is against the server's limit; a warning once it is over. */
export function TextCounter({ text, limit, words = null }: TextCounterProps) {
  const { t } = useI18n();
  const count = textCount(text, limit);
  if (count.over > 0) {
    return (
      <p className="field__error" role="alert" data-testid="text-counter">
        {t('textCounter.over', { characters: count.characters, limit, over: count.over })}
      </p>
    );
  }
  return (
    <p className="field__hint" data-testid="text-counter">
      {t(words === null ? 'textCounter.characters' : 'textCounter.withWords', { characters: count.characters, limit, words: words ?? 0 })}
    </p>
  );
}
