/** Characters as the API counts them (UTF-16 units, like its length limits) and words between spaces. */
export function textCount(text: string, limit: number): { characters: number; words: number; over: number } {
  const words = text.trim() ? text.trim().split(/\s+/).length : 0;
  return { characters: text.length, words, over: Math.max(0, text.length - limit) };
}
