import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../contracts/errors.ts';

/**
 * Error messages for Russian-speaking clients, by code and (where a code covers several cases)
 * by details.reason. The English messages name fields and values in detail; these say what
 * happened and what to do, and `details` keeps the specifics for screens that show them.
 */
const RU_BY_CODE: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Данные не прошли проверку: исправьте отмеченные поля.',
  MALFORMED_JSON: 'Тело запроса — не корректный JSON.',
  UNAUTHENTICATED: 'Нужно войти в аккаунт.',
  FORBIDDEN: 'Запрос отклонён: он пришёл не со страницы приложения. Откройте приложение и повторите действие.',
  NOT_FOUND: 'Не найдено (возможно, удалено).',
  EMAIL_TAKEN: 'Аккаунт с этой почтой уже есть. Войдите или укажите другую почту.',
  CONFLICT: 'Действие сейчас невозможно: данные изменились или ещё не готовы.',
  STAGE_NOT_REACHED: 'Этот этап ещё не открыт: сначала завершите или пропустите текущий.',
  STAGE_NOT_SKIPPABLE: 'Этот этап нельзя пропустить: пропускаются только озвучка и аватар.',
  VERSION_MISMATCH: 'Пока вы работали, это изменили в другой вкладке или другой человек. Обновите данные и повторите изменение.',
  RANGE_NOT_SATISFIABLE: 'Запрошенная часть файла выходит за его конец.',
  PAYLOAD_TOO_LARGE: 'Слишком большой объём данных.',
  UNSUPPORTED_MEDIA_TYPE: 'Такой тип файла или данных не поддерживается.',
  RATE_LIMITED: 'Слишком много запросов. Подождите немного и попробуйте снова.',
  FETCH_FAILED: 'Не удалось загрузить страницу по ссылке. Проверьте адрес или вставьте текст вручную.',
  PROVIDER_FAILED: 'Внешний сервис ответил ошибкой. Попробуйте позже или выберите другой.',
  PROVIDER_NOT_CONFIGURED: 'Этот сервис не настроен: добавьте ключ в разделе «Провайдеры».',
  UNAVAILABLE: 'Сервер временно недоступен. Попробуйте чуть позже.',
  INTERNAL: 'Что-то пошло не так на сервере. Попробуйте ещё раз.',
};

const ruNumber = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('ru-RU') : '?');

/** Messages that name numbers from the details. */
const RU_WITH_DETAILS: Record<string, (details: Record<string, unknown>) => string> = {
  TOO_LONG: (d) => {
    const limit = (d.limit ?? {}) as { characters?: number; words?: number };
    return `Текст слишком длинный: не больше ${ruNumber(limit.characters)} символов (около ${ruNumber(limit.words)} слов). Сократите его или разделите на несколько видео.`;
  },
  FEED_URL: (d) =>
    `Это адрес новостной ленты${typeof d.feedTitle === 'string' && d.feedTitle ? ` «${d.feedTitle}»` : ''}, а не статьи. Добавьте её в свои ленты или откройте одну новость и вставьте её адрес.`,
};

const RU_BY_REASON: Record<string, string> = {
  CONTENT_EXISTS: 'У проекта уже есть содержание: подтвердите замену.',
  NO_SOURCE_TEXT: 'У проекта ещё нет исходного текста: сначала выберите источник на этапе 1.',
  CHOICES_EXIST: 'Вы уже выбрали варианты: новый сценарий заменит их. Подтвердите замену.',
  NO_SCRIPT: 'Сценария ещё нет: сначала напишите его.',
  NO_FINAL_SCRIPT: 'У проекта ещё нет итогового сценария: выберите вариант для каждой сцены на этапе 3.',
  CSV_INVALID: 'CSV не импортирован, ничего не сохранено: в файле ошибка (номер строки — в подробностях).',
  PUBLICATION_EXISTS: 'Эта публикация уже записана: та же площадка и ссылка.',
  DRAFT_CLOSED: 'Этот черновик уже одобрен или отклонён.',
  DRAFT_CHANGED: 'Черновик изменился, пока вы работали: обновите его и повторите.',
  REVISION_LIMIT: 'Черновик можно переписывать не больше 5 раз: одобрите, отредактируйте или отклоните его.',
  PROFILE_FULL: 'В профиле письма уже 50 правил: удалите одно, чтобы добавить новое.',
  NO_ARTICLE: 'На этой странице нет статьи: возможно, это список ссылок, главная страница или платный материал. Откройте одну новость и вставьте её адрес.',
  EMPTY_INPUT: 'Текст пустой: вставьте текст статьи или адрес страницы.',
};

export type ClientLanguage = 'ru' | 'en';

/** The language Accept-Language asks for (the web app sends its interface language), if it names ru or en. */
export function headerLanguage(request: FastifyRequest): ClientLanguage | null {
  const header = request.headers['accept-language'];
  const tags = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { base: tag.split('-')[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((t) => (t.base === 'ru' || t.base === 'en') && t.q > 0)
    .sort((a, b) => b.q - a.q);
  return (tags[0]?.base as ClientLanguage | undefined) ?? null;
}

/** The client's language by Accept-Language alone: "ru" or "en". */
export function clientLanguage(request: FastifyRequest): ClientLanguage {
  return headerLanguage(request) ?? 'en';
}

/**
 * The signed-in account's saved language, looked up only when an error needs it and the request
 * does not name a language (the CLI, scripts with an API token). The router records the lookup.
 */
const accountLanguages = new WeakMap<FastifyRequest, () => Promise<ClientLanguage | null>>();

export function rememberAccountLanguage(request: FastifyRequest, lookup: () => Promise<ClientLanguage | null>): void {
  accountLanguages.set(request, lookup);
}

/** Accept-Language when it names ru or en, else the account's saved language, else English. */
export async function answerLanguage(request: FastifyRequest): Promise<ClientLanguage> {
  const asked = headerLanguage(request);
  if (asked) return asked;
  const lookup = accountLanguages.get(request);
  if (!lookup) return 'en';
  return (await lookup().catch(() => null)) ?? 'en';
}

/** The message for the client: the English one as raised, or its Russian counterpart. */
export function localisedMessage(language: ClientLanguage, code: ErrorCode, message: string, details: unknown): string {
  if (language !== 'ru') return message;
  const reason = (details as { reason?: unknown } | undefined)?.reason;
  if (typeof reason === 'string' && RU_WITH_DETAILS[reason]) return RU_WITH_DETAILS[reason](details as Record<string, unknown>);
  return (typeof reason === 'string' && RU_BY_REASON[reason]) || RU_BY_CODE[code];
}
