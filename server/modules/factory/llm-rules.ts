import { z } from 'zod';
import { requestStructured } from '../../adapters/llm/structured.ts';
import type { ChatTransport } from '../../adapters/llm/transport.ts';

const rulesSchema = z.object({ rules: z.array(z.string().trim().min(3).max(300)).max(10) });

const SYSTEM = 'You help a short-video author keep a writing profile: standing rules a script writer follows for every future script.';

/**
 * The lasting writing rules in an author's revision note or rejection reason, found by their LLM
 * ("Never open with a question"), in the note's language; one-off fixes of this draft are left out.
 */
export async function rulesFromNotesByLlm(transport: ChatTransport, notes: string, signal?: AbortSignal): Promise<string[]> {
  const answer = await requestStructured({
    transport,
    schema: rulesSchema,
    name: 'writing_rules',
    description: 'Standing writing rules found in the note.',
    system: SYSTEM,
    user: [
      'Read the author\'s note about a draft script. List only the rules that should hold for every future script (style, hooks, length, tone), each as one short imperative sentence in the language of the note. Leave out fixes that only concern this draft (a typo, a wrong name in scene 2). An empty list is fine.',
      `Note:\n"""\n${notes.slice(0, 2000)}\n"""`,
    ].join('\n\n'),
    signal,
  });
  return answer.rules;
}
