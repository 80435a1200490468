import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Stage4Audio } from '../../../../../contracts/voice-api.ts';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Step } from '../../../lib/domain.ts';
import { assetQueryOptions, setBoundaries } from '../api/voice.ts';
import { usePlayer } from '../hooks/usePlayer.ts';
import { sceneAt, timedWords, wordAt } from '../playback.ts';
import { Waveform } from './Waveform.tsx';

interface ListenPanelProps {
  projectId: string;
  audio: Stage4Audio;
  /** One recording of the whole script: its scene boundaries can be moved. */
  movableCuts: boolean;
  voiceName: string | null;
  onSaved: (step: Step) => void;
}

/** The narration: play it all or one scene, its waveform, and the words lit up as they are spoken. */
export function ListenPanel({ projectId, audio, movableCuts, voiceName, onSaved }: ListenPanelProps) {
  const { t, formatClock } = useI18n();
  const src = `/api/assets/${encodeURIComponent(audio.assetId)}/content`;
  const player = usePlayer(src);
  const asset = useQuery(assetQueryOptions(audio.assetId));
  const peaks = (asset.data?.meta.peaks as number[] | undefined) ?? [];
  const words = useMemo(() => timedWords(audio.segments), [audio.segments]);
  // Nothing is lit before playback starts.
  const current = player.playing || player.time > 0 ? wordAt(words, player.time) : -1;
  const currentWord = current >= 0 ? words[current] : undefined;
  const currentScene = player.playing || player.time > 0 ? sceneAt(audio.segments, player.time) : -1;
  const boundaries = useMutation({
    mutationFn: (cuts: number[]) =>
      setBoundaries(
        projectId,
        audio.segments.map((segment, i) => ({
          sceneId: segment.sceneId,
          start: i === 0 ? segment.start : cuts[i - 1]!,
          end: i === audio.segments.length - 1 ? segment.end : cuts[i]!,
        })),
      ),
    onSuccess: onSaved,
  });

  return (
    <section className="panel stack" aria-labelledby="voice-listen-title" data-testid="listen-panel">
      <div className="panel__head">
        <h2 id="voice-listen-title" className="panel__title">
          {t('voice.listen.title')}
        </h2>
        <span className="muted small">{audio.source === 'own' ? t('voice.listen.ownSource') : t('voice.listen.ttsSource', { voice: voiceName ?? audio.voice?.voiceId ?? '' })}</span>
      </div>
      <div className="row">
        {player.playing ? (
          <Button variant="primary" onClick={player.pause}>
            <span aria-hidden="true">❚❚</span> {t('voice.listen.pause')}
          </Button>
        ) : (
          <Button variant="primary" onClick={() => player.play(player.time >= audio.durationSec - 0.05 ? 0 : undefined)}>
            <span aria-hidden="true">▶</span> {t('voice.listen.play')}
          </Button>
        )}
        <span className="voice-time" data-testid="play-time">
          {t('voice.listen.time', { time: formatClock(player.time), duration: formatClock(audio.durationSec) })}
        </span>
        <a className="btn btn--ghost btn--small voice-download" href={`${src}?download=1&filename=narration.wav`}>
          <span aria-hidden="true">⤓</span> {t('voice.listen.download')}
        </a>
      </div>
      <Waveform
        peaks={peaks}
        durationSec={audio.durationSec}
        time={player.time}
        segments={audio.segments}
        movableCuts={movableCuts}
        onSeek={player.seek}
        onCuts={(cuts) => boundaries.mutate(cuts)}
      />
      {movableCuts && <p className="muted small">{boundaries.isPending ? t('voice.listen.savingBoundaries') : t('voice.listen.boundariesHint')}</p>}
      {boundaries.isError && <ErrorNotice error={boundaries.error} />}
      <ol className="voice-transcript" data-testid="transcript">
        {audio.segments.map((segment, sceneIndex) => (
          <li key={segment.sceneId} className={`voice-transcript__scene${currentScene === sceneIndex ? ' voice-transcript__scene--current' : ''}`}>
            <Button
              small
              variant="ghost"
              aria-label={t('voice.listen.playScene', { n: sceneIndex + 1 })}
              onClick={() => player.play(segment.start, segment.end)}
            >
              <span aria-hidden="true">▶</span> {sceneIndex + 1}
            </Button>
            <p className="voice-transcript__text">
              {(segment.words ?? []).map((word, wordIndex) => {
                const lit = currentWord?.scene === sceneIndex && currentWord.word === wordIndex;
                return (
                  <span key={wordIndex}>
                    <span
                      className={lit ? 'voice-word voice-word--current' : 'voice-word'}
                      data-testid={lit ? 'current-word' : undefined}
                      onClick={() => player.seek(word.start)}
                    >
                      {word.word}
                    </span>{' '}
                  </span>
                );
              })}
            </p>
            <span className="voice-transcript__time muted small">
              {formatClock(segment.start)}–{formatClock(segment.end)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
