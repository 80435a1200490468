/**
 * The longest source text (characters) the API takes: pasted text, an imported article, stage 2's
 * text and the texts analysis and script writing read. Zod-free, so the web app imports it for
 * its counter.
 */
export const MAX_SOURCE_TEXT_CHARS = 200_000;
