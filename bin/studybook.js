#!/usr/bin/env node
// The CLI is TypeScript run directly by Node 24's type stripping: no build step for instructors.
import { runCli } from '../electron/cli.ts';

process.exitCode = await runCli(process.argv.slice(2));
