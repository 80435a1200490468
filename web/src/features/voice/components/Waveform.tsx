import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { SceneTiming } from '../../../../../contracts/step-data.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

interface WaveformProps {
  peaks: number[];
  durationSec: number;
  time: number;
  segments: SceneTiming[];
  /** Own recording of the whole script: scene starts can be dragged. */
  movableCuts: boolean;
  onSeek: (time: number) => void;
  onCuts: (cuts: number[]) => void;
}

const HEIGHT = 96;
const MIN_SCENE_SEC = 0.3;

/** Peaks drawn per pixel column; scenes shaded alternately; what has been played in the accent colour. */
function draw(canvas: HTMLCanvasElement, peaks: number[], durationSec: number, time: number, cuts: number[]) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(HEIGHT * ratio);
  const context = canvas.getContext('2d');
  if (!context || width === 0) return;
  context.scale(ratio, ratio);
  context.clearRect(0, 0, width, HEIGHT);
  const edges = [0, ...cuts, durationSec];
  edges.slice(0, -1).forEach((start, i) => {
    context.fillStyle = i % 2 === 0 ? '#f4f5fb' : '#eceefa';
    context.fillRect((start / durationSec) * width, 0, ((edges[i + 1]! - start) / durationSec) * width, HEIGHT);
  });
  const middle = HEIGHT / 2;
  const played = (time / durationSec) * width;
  for (let x = 0; x < width; x += 2) {
    const from = Math.floor((x / width) * peaks.length);
    const to = Math.max(from + 1, Math.floor(((x + 2) / width) * peaks.length));
    let peak = 0;
    for (let i = from; i < to && i < peaks.length; i++) peak = Math.max(peak, peaks[i] ?? 0);
    const bar = Math.max(1, peak * (HEIGHT - 12));
    context.fillStyle = x < played ? '#4f46e5' : '#a6abc4';
    context.fillRect(x, middle - bar / 2, 1.5, bar);
  }
  context.fillStyle = '#1b1e29';
  context.fillRect(Math.min(width - 2, played), 0, 2, HEIGHT);
}

export function Waveform({ peaks, durationSec, time, segments, movableCuts, onSeek, onCuts }: WaveformProps) {
  const { t, formatNumber } = useI18n();
  const box = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const saved = segments.slice(1).map((s) => s.start);
  const [cuts, setCuts] = useState(saved);
  const [dragging, setDragging] = useState<number | null>(null);
  const savedKey = saved.join(',');
  useEffect(() => setCuts(savedKey ? savedKey.split(',').map(Number) : []), [savedKey]);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (canvas.current && durationSec > 0) draw(canvas.current, peaks, durationSec, time, cuts);
  }, [peaks, durationSec, time, cuts, width]);

  const timeAt = (clientX: number) => {
    const rect = box.current!.getBoundingClientRect();
    return Math.min(durationSec, Math.max(0, ((clientX - rect.left) / rect.width) * durationSec));
  };
  const limits = (index: number) => ({
    low: (index === 0 ? (segments[0]?.start ?? 0) : cuts[index - 1]!) + MIN_SCENE_SEC,
    high: (index === cuts.length - 1 ? (segments[segments.length - 1]?.end ?? durationSec) : cuts[index + 1]!) - MIN_SCENE_SEC,
  });
  const move = (index: number, to: number) => {
    const { low, high } = limits(index);
    const next = [...cuts];
    next[index] = Math.round(Math.min(high, Math.max(low, to)) * 1000) / 1000;
    setCuts(next);
    return next;
  };
  const onPointerMove = (event: PointerEvent) => {
    if (dragging !== null) move(dragging, timeAt(event.clientX));
  };
  const onPointerUp = () => {
    if (dragging === null) return;
    setDragging(null);
    if (cuts.join(',') !== savedKey) onCuts(cuts);
  };
  const onKey = (index: number, event: KeyboardEvent) => {
    const step = event.shiftKey ? 0.5 : 0.05;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    onCuts(move(index, cuts[index]! + (event.key === 'ArrowLeft' ? -step : step)));
  };

  return (
    <div
      ref={box}
      className={`waveform${dragging !== null ? ' waveform--dragging' : ''}`}
      data-testid="waveform"
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <canvas
        ref={canvas}
        className="waveform__canvas"
        role="img"
        aria-label={t('voice.listen.waveform')}
        style={{ height: HEIGHT }}
        onClick={(event) => onSeek(timeAt(event.clientX))}
      />
      {segments.map((segment, i) => (
        <span key={segment.sceneId} className="waveform__label" style={{ left: `${((i === 0 ? segment.start : cuts[i - 1]!) / durationSec) * 100}%` }}>
          {i + 1}
        </span>
      ))}
      {cuts.map((cut, index) =>
        movableCuts ? (
          <div
            key={segments[index + 1]!.sceneId}
            className="waveform__cut waveform__cut--movable"
            style={{ left: `${(cut / durationSec) * 100}%` }}
            role="slider"
            tabIndex={0}
            aria-label={t('voice.listen.boundary', { n: index + 2 })}
            aria-valuemin={limits(index).low}
            aria-valuemax={limits(index).high}
            aria-valuenow={cut}
            aria-valuetext={t('unit.seconds', { value: formatNumber(cut, 2) })}
            data-testid={`boundary-${index + 2}`}
            onPointerDown={(event) => {
              event.preventDefault();
              event.currentTarget.parentElement?.setPointerCapture(event.pointerId);
              setDragging(index);
            }}
            onKeyDown={(event) => onKey(index, event)}
          />
        ) : (
          <div key={segments[index + 1]!.sceneId} className="waveform__cut" style={{ left: `${(cut / durationSec) * 100}%` }} aria-hidden="true" />
        ),
      )}
    </div>
  );
}
