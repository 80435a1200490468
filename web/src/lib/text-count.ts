/** Characters as the API counts them (UTF-16 units, like its length limits), and how many over the limit. */
export function textCount(text: string, limit: number): { characters: number; over: number } {
  return { characters: text.length, over: Math.max(0, text.length - limit) };
}
