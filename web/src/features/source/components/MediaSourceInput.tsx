import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { isActive, type Job, useJobEvents } from '../../../lib/job-events.ts';
import { cancelMediaJob, importMediaUrl, MEDIA_SOURCE_LIMITS, type MediaImportResult, transcribeSource, transcriberStatus, uploadSource } from '../api/media.ts';
import type { SourceDraft } from '../source-draft.ts';

interface MediaSourceInputProps {
  projectId: string;
  draft: SourceDraft;
  update: (change: Partial<SourceDraft>) => void;
}

const STEP_KEYS = {
  queued: 'media.step.queued',
  downloading: 'media.step.downloading',
  'reading the page': 'media.step.reading the page',
  'checking the file': 'media.step.checking the file',
  transcribing: 'media.step.transcribing',
  transcribed: 'media.step.transcribed',
} as const;

/** A video or audio source: a file or a link, downloaded and transcribed by a job the author can follow and cancel. */
export function MediaSourceInput({ projectId, draft, update }: MediaSourceInputProps) {
  const { t } = useI18n();
  const id = useId();
  const [url, setUrl] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<MediaImportResult | null>(null);
  const [ended, setEnded] = useState<Job | null>(null);
  const transcriber = useQuery({ queryKey: ['media-sources', 'transcriber'], queryFn: transcriberStatus, staleTime: 60_000 });
  const start = (job: Job) => {
    setEnded(null);
    setResult(null);
    setJobId(job.id);
  };
  const job = useJobEvents(jobId, (final) => {
    setJobId(null);
    setEnded(final);
    if (final.state !== 'succeeded') return;
    const done = final.result as MediaImportResult;
    setResult(done);
    update({ media: { assetId: done.assetId, title: done.title }, text: done.transcript?.text ?? '' });
  });
  const upload = useMutation({ mutationFn: async (file: File) => transcribeSource(projectId, (await uploadSource(projectId, file)).id), onSuccess: start });
  const fromUrl = useMutation({ mutationFn: (link: string) => importMediaUrl(projectId, link), onSuccess: start });
  const cancel = useMutation({ mutationFn: cancelMediaJob });
  const running = isActive(job) || (jobId !== null && !job);
  const stepKey = STEP_KEYS[(job?.step ?? 'queued') as keyof typeof STEP_KEYS] ?? STEP_KEYS.queued;
  const note = result?.transcriptionNote ?? (transcriber.data && !transcriber.data.available && !result ? transcriber.data.reason : null);

  return (
    <div className="stack">
      <p className="muted">{t('media.intro')}</p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          {t('media.file')}
        </label>
        <input
          id={`${id}-file`}
          className="input"
          type="file"
          accept="video/mp4,video/quicktime,video/webm,audio/mpeg,audio/mp4,audio/x-m4a,audio/wav,audio/ogg,.mp4,.mov,.webm,.mp3,.m4a,.wav,.ogg"
          disabled={running || upload.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
          }}
        />
        <p className="field__hint">{t('media.limits', { mb: MEDIA_SOURCE_LIMITS.maxBytes / 1024 / 1024, minutes: MEDIA_SOURCE_LIMITS.maxDurationSec / 60 })}</p>
      </div>
      <form
        className="source-stage__url"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) fromUrl.mutate(url.trim());
        }}
      >
        <div className="field grow">
          <label className="field__label" htmlFor={`${id}-url`}>
            {t('media.url')}
          </label>
          <input id={`${id}-url`} className="input" type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
        </div>
        <Button type="submit" busy={fromUrl.isPending} disabled={!url.trim() || running}>
          {t('media.fetch')}
        </Button>
      </form>
      {upload.isPending && <p className="muted">{t('media.uploading')}</p>}
      {running && (
        <div className="media-source__progress" data-testid="media-progress">
          <progress max={1} value={job?.progress ?? 0} aria-label={t(stepKey)} />
          <span>{t(stepKey)}</span>
          <Button variant="secondary" onClick={() => jobId && cancel.mutate(jobId)} busy={cancel.isPending}>
            {t('media.cancel')}
          </Button>
        </div>
      )}
      {(upload.isError || fromUrl.isError) && <ErrorNotice error={upload.error ?? fromUrl.error} title={t('media.failed', { reason: '' })} />}
      {ended?.state === 'failed' && <Notice tone="danger">{t('media.failed', { reason: ended.error ?? '' })}</Notice>}
      {ended?.state === 'cancelled' && <Notice>{t('media.cancelled')}</Notice>}
      {draft.media && (
        <>
          <p>
            <strong>{t('media.ready', { title: draft.media.title ?? result?.title ?? '' })}</strong>
          </p>
          {result?.transcript?.detectedLanguage && <p className="muted">{t('media.language', { language: result.transcript.detectedLanguage })}</p>}
        </>
      )}
      {note && <Notice tone="warning" title={t('media.noTranscriber')}>{note}</Notice>}
      {(draft.media || note) && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-transcript`}>
            {result?.transcript ? t('media.transcript') : t('media.paste')}
          </label>
          <textarea id={`${id}-transcript`} className="input source-stage__text" rows={8} value={draft.text} onChange={(e) => update({ text: e.target.value })} />
          <p className="field__hint">{t('media.transcriptHint')}</p>
        </div>
      )}
      <Notice tone="info">{t('media.rights')}</Notice>
    </div>
  );
}
