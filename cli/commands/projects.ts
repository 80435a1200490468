import type { Project } from '../../contracts/projects.ts';
import { ApiClient } from '../api-client.ts';
import { usageError } from '../cli-error.ts';
import { type CommandRun, SERVER_OPTIONS, parseOptions, requireServer, writeJson } from '../context.ts';

export const PROJECTS_USAGE = 'reelforge projects --server URL --token T [--json]';

/** `reelforge projects`: your projects on the server, most recently changed first. */
export const runProjects: CommandRun = async (args, context) => {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' }, ...SERVER_OPTIONS }, 'projects');
  if (positionals.length > 0) throw usageError(`projects takes no arguments\nusage: ${PROJECTS_USAGE}`);
  const api = new ApiClient(requireServer(values, context.env, 'projects'));
  const projects = await api.json<Project[]>('GET', '/api/projects');
  if (values.json) {
    writeJson(context, projects);
    return 0;
  }
  if (projects.length === 0) {
    context.stdout.write('No projects yet.\n');
    return 0;
  }
  for (const project of projects) {
    context.stdout.write(`${project.id}  ${project.status.padEnd(11)}  stage ${project.currentStage}/8  ${project.title}\n`);
  }
  return 0;
};
