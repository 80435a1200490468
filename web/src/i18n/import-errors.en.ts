/** Why an import failed, by the server's details.reason, and the way on. */
export const importErrorsEn = {
  'importError.feedUrl': 'This is a news feed, not an article: add it to your feeds?',
  'importError.feedUrlNamed': 'This is the news feed “{title}”, not an article: add it to your feeds?',
  'importError.addFeed': 'Add to my feeds',
  'importError.feedAdded': 'Added to your feeds. Pick one of its stories on the News page, or as a news story here.',
  'importError.toNews': 'Open News',
  'importError.noArticle': 'No article found on this page. It may be a list of links, a home page or a paywall: open one story and paste its address.',
  'importError.tooLong': 'The text is too long: at most {characters} characters (about {words, plural, one {# word} other {# words}}). Shorten it or split it into several videos.',
  'importError.empty': 'The text is empty: paste the article’s text or its address.',
  'textCounter.characters': '{characters, plural, one {# character} other {# characters}} of {limit}',
  'textCounter.withWords': '{characters, plural, one {# character} other {# characters}} of {limit} · {words, plural, one {# word} other {# words}}',
  'textCounter.over': 'Too long: {characters, plural, one {# character} other {# characters}}, at most {limit}. Cut {over, plural, one {# character} other {# characters}} or split the text into several videos.',
} as const;
