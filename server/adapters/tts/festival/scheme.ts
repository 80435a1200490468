/** A string literal for festival's Scheme reader: only backslash and double quote need escaping. */
export function schemeString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

const WORD_LINE = 'RFW';

/**
 * The script festival runs: select the voice, synthesise the text as one utterance, save the
 * wave and print every word with its start and end (seconds), one tab-separated line each.
 */
export function synthesisScript(selectVoice: string, text: string, wavPath: string): string {
  return [
    `(${selectVoice})`,
    `(set! rf_utt (utt.synth (Utterance Text ${schemeString(text)})))`,
    `(utt.save.wave rf_utt ${schemeString(wavPath)} 'riff)`,
    `(mapcar (lambda (w) (format t "${WORD_LINE}\\t%s\\t%f\\t%f\\n" (item.name w) (item.feat w "R:SylStructure.daughter1.daughter1.segment_start") (item.feat w "word_end"))) (utt.relation.items rf_utt 'Word))`,
    '',
  ].join('\n');
}

/** The word lines of festival's output; anything else it prints is ignored. */
export function parseWordTimings(stdout: string): Array<{ text: string; start: number; end: number }> {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`${WORD_LINE}\t`))
    .map((line) => line.split('\t'))
    .map(([, text = '', start = '', end = '']) => ({ text, start: Number(start), end: Number(end) }))
    .filter((word) => word.text && Number.isFinite(word.start) && Number.isFinite(word.end) && word.end >= word.start);
}
