import { z } from 'zod';
import type { Advice } from '../../../contracts/performance.ts';
import { requestStructured } from '../../adapters/llm/structured.ts';
import type { ChatTransport } from '../../adapters/llm/transport.ts';

const proseSchema = z.object({ summary: z.string().min(1).max(3000) });

const SYSTEM = [
  'You summarise a short-video author\'s performance facts for them, in plain, warm, concrete prose.',
  'Use only the facts given: never invent numbers, platforms or reasons. A ratio of 2.3 means "2.3 times their usual" on that platform.',
  'Anything seen in fewer than 3 videos is a hint, not a trend: say so. End with the three suggestions for the next script.',
  'At most 150 words.',
].join(' ');

/** The deterministic advice, retold in prose by the author's LLM in their language. */
export async function adviceInProse(transport: ChatTransport, advice: Omit<Advice, 'prose'>, language: 'en' | 'ru', signal?: AbortSignal): Promise<string> {
  const facts = { videos: advice.videos, trends: advice.trends.slice(0, 12), predictionMisses: advice.misses, suggestions: advice.suggestions };
  const reply = await requestStructured({
    transport,
    schema: proseSchema,
    name: 'performance_summary',
    description: 'A short prose summary of the facts',
    system: SYSTEM,
    user: `Write the summary in ${language === 'ru' ? 'Russian' : 'English'}. Facts (JSON):\n${JSON.stringify(facts)}`,
    signal,
  });
  return reply.summary.trim();
}
