import type { TranscriberStatus } from '../../../contracts/media-sources.ts';
import { OpenAiTranscriber } from '../../adapters/stt/openai-transcriptions.ts';
import type { Transcriber } from '../../adapters/stt/types.ts';
import { WhisperCppTranscriber, whisperCppSetup } from '../../adapters/stt/whisper-cpp.ts';
import type { Config } from '../../config.ts';
import type { CredentialsService } from '../credentials/credentials.service.ts';

export type TranscriberChoice = { transcriber: Transcriber; reason?: undefined } | { transcriber: null; reason: string };

/**
 * Which speech-to-text serves a user: their own or the operator's OpenAI-compatible server (the
 * credential rules decide the key), else the operator's whisper.cpp model file, else none, with
 * a reason the source screen shows next to the box for pasting a transcript.
 */
export class Transcribers {
  constructor(
    private readonly config: Config,
    private readonly credentials: CredentialsService,
  ) {}

  async forUser(ownerId: string): Promise<TranscriberChoice> {
    const remote = await this.credentials.resolve(ownerId, 'openai-stt');
    if (remote?.unavailable) return { transcriber: null, reason: remote.unavailable };
    if (remote?.settings.baseUrl || remote?.apiKey) {
      const baseUrl = remote.settings.baseUrl ?? 'https://api.openai.com/v1';
      return { transcriber: new OpenAiTranscriber({ baseUrl, apiKey: remote.apiKey, model: remote.settings.model ?? this.config.OPENAI_STT_MODEL, fetch: remote.fetch }) };
    }
    const local = whisperCppSetup(this.config.WHISPER_MODEL_PATH, this.config.WHISPER_CPP_PATH);
    if ('model' in local) return { transcriber: new WhisperCppTranscriber(local) };
    const why = this.config.WHISPER_MODEL_PATH ? `; whisper.cpp: ${local.reason}` : '';
    return {
      transcriber: null,
      reason: `Transcription needs a speech-to-text provider: add an OpenAI-compatible transcription server on the Providers page, or ask the operator to set OPENAI_STT_BASE_URL or WHISPER_MODEL_PATH${why}. Until then, paste the transcript below.`,
    };
  }

  async status(ownerId: string): Promise<TranscriberStatus> {
    const choice = await this.forUser(ownerId);
    return { available: Boolean(choice.transcriber), provider: choice.transcriber?.id ?? null, reason: choice.reason ?? null };
  }
}
