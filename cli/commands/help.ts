import { BATCH_USAGE } from './batch.ts';
import { MAKE_USAGE } from './make.ts';
import { MCP_USAGE } from './mcp.ts';
import { PROJECTS_USAGE } from './projects.ts';
import { RENDER_USAGE } from './render.ts';
import { STATUS_USAGE } from './status.ts';

export const HELP = `reelforge: turn a text, an article or a page into a short vertical video.

Usage:
  ${MAKE_USAGE}
  ${BATCH_USAGE}
  ${PROJECTS_USAGE}
  ${RENDER_USAGE}
  ${STATUS_USAGE}
  ${MCP_USAGE}
  reelforge help | --help | --version

make runs the whole pipeline (import, analysis, script with the best-scored variant of every
scene, narration, visuals, render) in this process on the embedded defaults, or with --server on
a running ReelForge server. It writes the MP4 and its captions next to it (out.mp4 -> out.srt).
<input> is a .txt, .md or .html file, an http(s) URL, or - for standard input.

mcp serves ReelForge's tools to an AI agent over the Model Context Protocol on standard input and
output (make a video, follow its job, list projects, read a script, render, get the video's URL,
list voices and formats, read performance): in this process (--data-dir keeps the projects and
videos; without it they last as long as the server runs), or on a running server with --server.

batch makes one video per input listed in <file>: one URL, file path (relative to the file) or
text per line, or a JSON line with options of its own, e.g.
  {"input": "https://example.com/story", "lang": "ru", "format": "news", "aspect": "1:1"}
  {"text": "A text to make a video from", "voice": "en-us", "duration": 20, "music": "calm"}
Lines starting with # are skipped. Each video is named from its title (Latin letters, digits and
dashes), with its captions next to it; a failed input is reported and the others go on. The exit
code is 1 when any input failed.

Options:
  -o, --output FILE   where the video goes (make; render downloads it there)
  --lang ru|en        the language of the video (default: detected from the text)
  --format F          news, hook-story, explainer, listicle, comparison or hot-take
                      (default: the format the analysis recommends)
  --duration S        target length in seconds, 5-600 (default: the format's usual length)
  --aspect A          9:16 (default), 1:1 or 16:9
  --voice ID          an espeak-ng voice id (en-us, ru...) or provider:id
  --quality Q         draft, standard (default) or high (render, batch)
  --server URL        a running ReelForge server (or REELFORGE_SERVER)
  --token T           an API token of your account there (or REELFORGE_TOKEN)
  --data-dir DIR      keep the local projects in DIR (make and mcp without --server; default: temporary)
  --json              one JSON document on standard output; progress as JSON lines on standard error

Exit codes: 0 success, 1 the work failed, 2 bad arguments, 3 server unreachable,
4 token refused, 130 interrupted.
`;
