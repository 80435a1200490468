/** Hashtags as typed ("oil, #нефть  prices") to the list the API stores (["#oil", "#нефть", "#prices"]). */
export function parseHashtags(text: string): string[] {
  const tags = text
    .split(/[\s,;]+/)
    .map((tag) => tag.replace(/^#+/, '').replace(/[^\p{L}\p{N}_]/gu, ''))
    .filter((tag) => tag.length > 0)
    .map((tag) => `#${tag}`);
  return [...new Set(tags)];
}

export const hashtagsText = (tags: readonly string[]) => tags.join(' ');

/** Everything to paste into a platform's upload form: title, description, hashtags. */
export function publishText(metadata: { title: string; description: string; hashtags: readonly string[] }): string {
  return [metadata.title, metadata.description, hashtagsText(metadata.hashtags)].filter((part) => part.trim()).join('\n\n');
}
