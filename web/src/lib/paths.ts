/** The app's URLs, shared by every feature that links somewhere. */
export const paths = {
  home: '/',
  deleted: '/deleted',
  news: '/news',
  library: '/library',
  batch: (id: string) => `/batches/${id}`,
  performance: '/performance',
  factory: '/factory',
  factorySettings: '/factory/settings',
  providers: '/settings/providers',
  apiDocs: '/api/docs',
  login: '/login',
  register: '/register',
  project: (id: string) => `/projects/${id}`,
  stage: (id: string, stage: number) => `/projects/${id}/stage/${stage}`,
  make: (id: string) => `/projects/${id}/make`,
};
