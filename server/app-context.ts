import { type Clock, systemClock } from './adapters/clock.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { AuthRepository } from './modules/auth/auth.repository.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { ProjectsRepository } from './modules/projects/projects.repository.ts';
import { ProjectsService } from './modules/projects/projects.service.ts';
import { StepsRepository } from './modules/steps/steps.repository.ts';
import { StepsService } from './modules/steps/steps.service.ts';

/** Every service of the app, wired once; tests build it with their own database and clock. */
export function createAppContext(config: Config, database: DatabaseHandle, clock: Clock = systemClock) {
  const authRepository = new AuthRepository(database.db);
  const projectsRepository = new ProjectsRepository(database.db);
  const stepsRepository = new StepsRepository(database);
  return {
    config,
    database,
    clock,
    repositories: { auth: authRepository, projects: projectsRepository, steps: stepsRepository },
    auth: new AuthService(authRepository, clock, config.SESSION_SECRET),
    projects: new ProjectsService(projectsRepository, stepsRepository, clock),
    steps: new StepsService(database, stepsRepository, projectsRepository),
  };
}

export type AppContext = ReturnType<typeof createAppContext>;
