/** What a running script or avatar job is doing (web/src/lib/job-step.ts). */
export const jobStepsEn = {
  'jobStep.reading': 'reading the source',
  'jobStep.writing': 'writing the script ({writer})',
  'jobStep.variants': 'writing new variants for this scene ({writer})',
  'jobStep.saving': 'saving',
  'jobStep.analysing': 'analysing',
  'jobStep.uploadingNarration': 'sending the narration',
  'jobStep.ordering': 'ordering the clip',
  'jobStep.heygen': 'HeyGen is making the clip',
  'jobStep.downloading': 'downloading the clip',
  'jobStep.done': 'done',
  'jobStep.writer.offline': 'offline writer',
  'jobStep.writer.llm': 'LLM writer',
} as const;
