/** The projects page: progress, the state of each video, search and filters. */
export const projectsPageEn = {
  'projects.stagesDone': '{done} of {total} stages done',
  'projects.search': 'Search projects',
  'projects.searchPlaceholder': 'Search by title',
  'projects.workFilter': 'Video',
  'projects.emptySearch': 'No projects match this search or filter.',
  'work.rendering': 'Rendering',
  'work.ready': 'Video ready',
  'work.outdated': 'Video outdated',
} as const;
