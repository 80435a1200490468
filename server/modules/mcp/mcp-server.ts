import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { type CallToolResult, CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { AppError, parseOrFail } from '../../http/errors.ts';
import type { McpOperations } from './mcp-operations.ts';
import { MCP_TOOLS, type McpTool } from './mcp-tools.ts';

export const MCP_SERVER_NAME = 'reelforge';

const INSTRUCTIONS =
  'ReelForge makes short vertical videos. make_video starts one from a text, an article URL or an idea and returns a job; poll get_job (every few seconds) until it succeeds, then get_video_url gives the MP4. Work takes from tens of seconds to minutes.';

export interface McpServerOptions {
  version: string;
  /**
   * The message of an error that is not the API's own (AppError); the API answers those with
   * "Internal server error" and logs them, and so does this by default.
   */
  unexpectedError?: (error: unknown) => string;
}

const listed = (tool: McpTool): Tool => ({
  name: tool.name,
  title: tool.title,
  description: tool.description,
  inputSchema: z.toJSONSchema(tool.input, { io: 'input' }) as Tool['inputSchema'],
  annotations: { title: tool.title, readOnlyHint: tool.readOnly, destructiveHint: false, openWorldHint: tool.name === 'make_video' },
});

const asResult = (value: Record<string, unknown>): CallToolResult => ({
  content: [{ type: 'text', text: JSON.stringify(value, null, 2) }],
  structuredContent: value,
});

/** A tool error carries the REST API's error body: the same code, message and details. */
const asToolError = (code: string, message: string, details?: unknown): CallToolResult => ({
  isError: true,
  content: [{ type: 'text', text: message }],
  structuredContent: { error: { code, message, ...(details === undefined ? {} : { details }) } },
});

/**
 * The MCP server over ReelForge's operations. The low-level Server rather than McpServer:
 * McpServer validates tool arguments itself and words failures its own way, while these tools
 * validate with the REST API's zod contracts so an agent reads exactly the API's messages.
 */
export function createMcpServer(ops: McpOperations, options: McpServerOptions): Server {
  const server = new Server({ name: MCP_SERVER_NAME, title: 'ReelForge', version: options.version }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  const tools = MCP_TOOLS.map(listed);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = MCP_TOOLS.find((t) => t.name === request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool ${request.params.name}; tools: ${MCP_TOOLS.map((t) => t.name).join(', ')}`);
    try {
      return asResult(await tool.run(ops, parseOrFail(tool.input, request.params.arguments ?? {})));
    } catch (error) {
      if (error instanceof AppError) return asToolError(error.code, error.message, error.details);
      return asToolError('INTERNAL', options.unexpectedError?.(error) ?? 'Internal server error');
    }
  });
  return server;
}
