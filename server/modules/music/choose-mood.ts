import type { FormatId } from '../../../contracts/formats.ts';
import type { MusicMood } from '../../../contracts/music.ts';

/** Word stems of grave news (death, war, disaster...): such a script gets serious music, never upbeat. */
const GRAVE = [
  'dead', 'death', 'die', 'died', 'dies', 'dying', 'kill', 'killed', 'killing', 'murder', 'war', 'wars', 'attack', 'bomb', 'shooting',
  'victim', 'victims', 'disaster', 'tragedy', 'tragic', 'crash', 'earthquake', 'flood', 'floods', 'wildfire', 'fatal', 'funeral',
  'hostage', 'missing', 'injured', 'casualties', 'mourning', 'stranding', 'strandings', 'stranded',
  'погиб', 'гибел', 'смерт', 'умер', 'убит', 'убийств', 'войн', 'атак', 'взрыв', 'жертв', 'катастроф', 'трагед', 'авари',
  'землетрясен', 'наводнен', 'пожар', 'ранен', 'заложник', 'пропал', 'траур', 'похорон',
];

/** Stems of threat and suspense: tense music. */
const TENSE = [
  'threat', 'danger', 'dangerous', 'warning', 'warn', 'crisis', 'scam', 'fraud', 'risk', 'risky', 'mystery', 'secret', 'hack', 'hacked',
  'breach', 'collapse', 'panic', 'alarm', 'угроз', 'опасн', 'предупрежд', 'кризис', 'мошенн', 'риск', 'тайн', 'секрет', 'взлом', 'обвал', 'паник',
];

const FORMAT_MOODS: Record<FormatId, MusicMood> = {
  news: 'calm',
  'hook-story': 'calm',
  explainer: 'calm',
  listicle: 'upbeat',
  comparison: 'upbeat',
  'hot-take': 'upbeat',
};

function countStems(words: string[], stems: string[]): number {
  return words.filter((word) => stems.some((stem) => (stem.length <= 4 ? word === stem : word.startsWith(stem)))).length;
}

/**
 * The mood that fits a script: serious for grave news (deaths, war, disasters), tense for threats
 * and suspense, otherwise the format's own (upbeat lists and takes, calm stories and explainers).
 */
export function chooseMood(format: FormatId | undefined, text: string): MusicMood {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const grave = countStems(words, GRAVE);
  const tense = countStems(words, TENSE);
  // News needs only one grave word; elsewhere one could be a figure of speech ("killer feature").
  if (grave >= (format === 'news' ? 1 : 2)) return 'serious';
  if (tense >= 2) return 'tense';
  return FORMAT_MOODS[format ?? 'explainer'];
}
