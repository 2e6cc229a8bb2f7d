import { spawn } from 'node:child_process';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

/** The static ffmpeg binary shipped by @ffmpeg-installer (no system ffmpeg needed). */
export const ffmpegPath: string = ffmpegInstaller.path;

export interface FfmpegResult {
  stdout: Buffer;
  stderr: string;
}

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string,
  ) {
    super(stderrTail ? `${message}\n${stderrTail}` : message);
  }
}

const STDERR_KEEP = 64 * 1024;
const TAIL_LINES = 15;

function tail(text: string): string {
  return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
}

/**
 * Runs ffmpeg with `args` (no shell). Resolves with stdout and stderr; rejects with the
 * stderr tail on a non-zero exit, a spawn error, or when `timeoutMs` elapses (the process is killed).
 */
export function runFfmpeg(args: string[], timeoutMs = 60_000): Promise<FfmpegResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);

    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      err += chunk;
      // Only the end matters for diagnostics; keep memory bounded on chatty encodes.
      if (err.length > STDERR_KEEP * 2) err = err.slice(-STDERR_KEEP);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new FfmpegError(`ffmpeg could not start (${ffmpegPath}): ${e.message}`, ''));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new FfmpegError(`ffmpeg timed out after ${timeoutMs} ms`, tail(err)));
      else if (code !== 0) reject(new FfmpegError(`ffmpeg exited with ${code ?? signal}`, tail(err)));
      else resolve({ stdout: Buffer.concat(out), stderr: err });
    });
  });
}
