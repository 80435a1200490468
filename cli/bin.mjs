#!/usr/bin/env node
// The `reelforge` command: runs the TypeScript CLI through tsx's loader, installed in this process.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
await main();
