import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * One <audio> element for the whole track: play all, play one span (a scene), seek. The current
 * time is read on every animation frame while playing, so the word highlight keeps up with speech
 * ('timeupdate' fires only about four times a second).
 */
export function usePlayer(src: string | null) {
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const stopAt = useRef<number | null>(null);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!src) return;
    const audio = new Audio(src);
    audio.preload = 'auto';
    audioRef.current = audio;
    let frame = 0;
    const tick = () => {
      const now = audio.currentTime;
      if (stopAt.current !== null && now >= stopAt.current) {
        audio.pause();
        stopAt.current = null;
      }
      setTime(audio.currentTime);
      if (!audio.paused) frame = requestAnimationFrame(tick);
    };
    const onPlay = () => {
      setPlaying(true);
      frame = requestAnimationFrame(tick);
    };
    const onStop = () => {
      setPlaying(false);
      cancelAnimationFrame(frame);
      setTime(audio.currentTime);
    };
    audio.addEventListener('play', onPlay);
    audio.addEventListener('pause', onStop);
    audio.addEventListener('ended', onStop);
    audio.addEventListener('seeked', () => setTime(audio.currentTime));
    return () => {
      cancelAnimationFrame(frame);
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
      audioRef.current = null;
      setPlaying(false);
      setTime(0);
    };
  }, [src]);

  const play = useCallback((from?: number, until?: number) => {
    const audio = audioRef.current;
    if (!audio) return;
    if (from !== undefined) audio.currentTime = from;
    stopAt.current = until ?? null;
    void audio.play().catch(() => setPlaying(false));
  }, []);
  const pause = useCallback(() => audioRef.current?.pause(), []);
  const seek = useCallback((to: number) => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.currentTime = to;
    setTime(to);
  }, []);

  return { time, playing, play, pause, seek };
}
