/** Delay lengths (at 44.1 kHz) of Freeverb's combs and all-passes; the right side is spread a little. */
const COMBS = [1116, 1188, 1277, 1356];
const ALLPASSES = [556, 441];
const STEREO_SPREAD = 23;

function reverbChannel(input: Float32Array, sampleRate: number, spread: number): Float32Array {
  const scale = sampleRate / 44_100;
  const out = new Float32Array(input.length);
  const feedback = 0.82;
  const damp = 0.3;
  for (const base of COMBS) {
    const size = Math.round((base + spread) * scale);
    const line = new Float32Array(size);
    let index = 0;
    let filtered = 0;
    for (let i = 0; i < input.length; i++) {
      const delayed = line[index]!;
      filtered = delayed * (1 - damp) + filtered * damp;
      line[index] = input[i]! + filtered * feedback;
      out[i]! += delayed;
      index = index + 1 === size ? 0 : index + 1;
    }
  }
  for (const base of ALLPASSES) {
    const size = Math.round((base + spread) * scale);
    const line = new Float32Array(size);
    let index = 0;
    for (let i = 0; i < out.length; i++) {
      const delayed = line[index]!;
      const value = out[i]!;
      line[index] = value + delayed * 0.5;
      out[i] = delayed - value;
      index = index + 1 === size ? 0 : index + 1;
    }
  }
  return out;
}

/** Adds a small room (Schroeder-style: parallel damped combs, then all-passes) in place. */
export function addReverb(pcm: { left: Float32Array; right: Float32Array; sampleRate: number }, wet: number): void {
  const left = reverbChannel(pcm.left, pcm.sampleRate, 0);
  const right = reverbChannel(pcm.right, pcm.sampleRate, STEREO_SPREAD);
  const gain = wet / COMBS.length;
  for (let i = 0; i < pcm.left.length; i++) {
    pcm.left[i]! += left[i]! * gain;
    pcm.right[i]! += right[i]! * gain;
  }
}
