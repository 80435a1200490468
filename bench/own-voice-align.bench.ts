/**
 * Own-voice alignment benchmark (not a test): festival speaks each test script with known word
 * starts; the recording goes through the own-voice path (conversion, -14 LUFS, scene boundaries,
 * alignment) and every caption word's start is compared with the spoken one. Accuracy first; the
 * alignment's own time is reported too. Run: npm run bench own-voice-align
 */
import type { Language } from '../contracts/formats.ts';
import { measureOwnVoiceAlignment, OWN_VOICE_SCRIPTS, percentile } from '../server/modules/voice/testing/own-voice-accuracy.ts';
import { machineLine, round, writeBenchmarkSection } from './lib.ts';

const ms = (seconds: number) => Math.round(seconds * 1000);

export async function benchOwnVoiceAlign(): Promise<void> {
  const rows: string[] = [];
  for (const language of ['en', 'ru'] as Language[]) {
    const errors: number[] = [];
    let recordingSec = 0;
    let alignSec = 0;
    let cuts = 0;
    let cutsRight = 0;
    for (const scenes of OWN_VOICE_SCRIPTS[language]) {
      const result = await measureOwnVoiceAlignment(scenes, language);
      errors.push(...result.errors);
      recordingSec += result.recordingSec;
      alignSec += result.alignSec;
      cuts += result.cutsBetweenScenes.length;
      cutsRight += result.cutsBetweenScenes.filter(Boolean).length;
    }
    const row = `| ${language} | ${errors.length} | ${ms(percentile(errors, 0.5))} ms | ${ms(percentile(errors, 0.9))} ms | ${ms(Math.max(...errors))} ms | ${cutsRight}/${cuts} | ${round(recordingSec, 1)} s | ${round(alignSec * 1000, 0)} ms |`;
    console.log(row);
    rows.push(row);
  }
  writeBenchmarkSection(
    'own-voice-align',
    [
      '## Own-voice captions follow the recording (issue 14, part 7)',
      '',
      machineLine(),
      '',
      'festival (`cmu_us_slt_arctic_hts`, `msu_ru_nsh_clunits`) speaks two scripts per language (`server/modules/voice/testing/scripts.ts`) with known word starts;',
      'each recording is uploaded as an own voice would be (48 kHz, -14 LUFS), scene boundaries are proposed and the script is aligned',
      '(`server/modules/voice/own-alignment.ts`). Error = |caption word start - spoken word start|. Target: median <= 80 ms, 90th percentile <= 200 ms',
      '(asserted by `server/modules/voice/own-alignment.spec.ts`). Before this, word times were a reading-speed estimate inside each scene.',
      '',
      '| lang | words | median error | 90th percentile | worst | scene cuts between the right words | speech | alignment time |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
}
