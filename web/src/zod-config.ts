import { z } from 'zod';

// The app runs under a CSP without 'unsafe-eval': zod's compiled parsers probe `new Function`,
// which the browser reports as a violation even when the probe is caught.
z.config({ jitless: true });
