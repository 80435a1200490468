import { readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from '../../server/modules/mcp/mcp-server.ts';
import { type McpOperations, serviceOperations } from '../../server/modules/mcp/mcp-operations.ts';
import { startServices } from '../../server/start-services.ts';
import { openHttpBackend } from '../backends/http.ts';
import { openLocalContext } from '../backends/local-context.ts';
import { CliError, usageError } from '../cli-error.ts';
import { type CommandRun, SERVER_OPTIONS, parseOptions, serverOf } from '../context.ts';
import { httpMcpOperations } from '../mcp/http-operations.ts';

export const MCP_USAGE = 'reelforge mcp [--data-dir DIR | --server URL --token T]';

const version = () => (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

interface OpenedOperations {
  ops: McpOperations;
  close(): Promise<void>;
}

/** The tools on the embedded defaults in this process, with a worker of its own running their jobs; files are file: URLs. */
async function localOperations(dataDir: string | undefined): Promise<OpenedOperations> {
  const local = await openLocalContext({ dataDir });
  const { context, user } = local;
  const services = await startServices(context, { runWorker: true });
  const fileUrl = async (asset: { id: string }) => pathToFileURL((await context.assets.fileOf(user.userId, asset.id)).path).href;
  return {
    ops: serviceOperations(context, user, fileUrl),
    async close() {
      await services.stop();
      await local.close();
    },
  };
}

/**
 * `reelforge mcp`: an MCP server on standard input and output for an agent (Claude Desktop, an
 * IDE...) that starts it. It runs until the client closes standard input or Ctrl+C.
 */
export const runMcp: CommandRun = async (args, context) => {
  const { values, positionals } = parseOptions(args, { 'data-dir': { type: 'string' }, ...SERVER_OPTIONS }, 'mcp');
  if (positionals.length > 0) throw usageError(`mcp takes no arguments\nusage: ${MCP_USAGE}`);
  const server = serverOf(values, context.env);
  if (server && values['data-dir']) throw usageError('--data-dir is for running the tools in this process; it does not go with --server');
  // Standard output carries the protocol alone: anything a library logs goes to standard error.
  console.log = console.info = console.debug = console.error;

  const opened: OpenedOperations = server
    ? { ops: httpMcpOperations(openHttpBackend({ ...server, signal: context.signal })), close: async () => {} }
    : await localOperations(values['data-dir'] ? resolve(values['data-dir']) : undefined);
  const mcp = createMcpServer(opened.ops, {
    version: version(),
    // Unreachable server, refused token: the CLI's own words; anything else with its stack, on standard error.
    unexpectedError: (error) => {
      if (error instanceof CliError) return error.message;
      context.stderr.write(`reelforge mcp: ${(error as Error)?.stack ?? String(error)}\n`);
      return 'Internal server error';
    },
  });
  const transport = new StdioServerTransport(context.stdin as Readable, context.stdout as Writable);
  try {
    const ended = new Promise<void>((done) => {
      context.stdin.once('end', done);
      context.stdin.once('close', done);
      mcp.onclose = done;
      context.signal.addEventListener('abort', () => done(), { once: true });
    });
    await mcp.connect(transport);
    context.stderr.write(`reelforge mcp: ready (${server ? `server ${server.server}` : 'this process'})\n`);
    await ended;
    return 0;
  } finally {
    await mcp.close();
    await opened.close();
  }
};
