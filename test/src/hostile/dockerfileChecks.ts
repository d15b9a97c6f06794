import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScripts } from '../dockerfile/runScripts';

/**
 * The RUN steps of many Dockerfiles, judged in few process spawns: one shellcheck call
 * for every distinct script, one `sh -n` for all of them (one per script only when that
 * fails, to name the culprit), and one dry run in which every command the steps call is a
 * stub, so a payload that escaped its quotes would run while the steps themselves do nothing.
 */

/** The external commands the rendered RUN steps call; each becomes a stub in the dry run. */
const STEP_COMMANDS = [
  'mkdir',
  'curl',
  'cut',
  'sha1sum',
  'sha512sum',
  'rm',
  'chmod',
  'tar',
  'unzip',
  'cp',
  'csplit',
  'keytool',
  'mvn',
  'find',
  'grep',
  'cat',
];

export interface ScriptVerdict {
  shellcheck: string;
  syntax: string;
  dryRun: string;
}

function run(command: string, args: string[], options: object = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return result;
}

function shellcheckAll(dir: string, files: string[]): Map<string, string> {
  const findings = new Map<string, string>(files.map(f => [f, '']));
  if (files.length === 0) return findings;
  const result = run('shellcheck', ['-s', 'sh', '-f', 'gcc', ...files], {
    cwd: dir,
  });
  for (const line of result.stdout.split('\n').filter(Boolean)) {
    const file = line.split(':')[0];
    findings.set(file, `${findings.get(file) ?? ''}${line}\n`);
  }
  if (result.status !== 0 && result.stdout.trim() === '') {
    for (const f of files) findings.set(f, `status ${result.status}`);
  }
  return findings;
}

function syntaxAll(dir: string, files: string[]): Map<string, string> {
  const verdicts = new Map<string, string>(files.map(f => [f, '']));
  const joined = files.map(f => fs.readFileSync(path.join(dir, f), 'utf8'));
  if (run('sh', ['-n'], { input: joined.join('\n') }).status === 0) {
    return verdicts;
  }
  for (const f of files) {
    const result = run('sh', ['-n', f], { cwd: dir });
    if (result.status !== 0) verdicts.set(f, result.stderr.trim());
  }
  return verdicts;
}

function dryRunAll(
  dir: string,
  files: string[],
  marker: string,
): Map<string, string> {
  const verdicts = new Map<string, string>();
  const stubs = path.join(dir, 'stubs');
  fs.mkdirSync(stubs);
  for (const command of STEP_COMMANDS) {
    fs.writeFileSync(path.join(stubs, command), '#!/bin/sh\nexit 0\n', {
      mode: 0o755,
    });
  }
  const work = path.join(dir, 'work');
  fs.mkdirSync(work);
  for (const f of files) {
    const script = fs.readFileSync(path.join(dir, f), 'utf8');
    // `cd` is a builtin: a function of the same name wins over it and keeps the run in work/.
    // As Docker runs a shell-form RUN step: the whole script is one argument of sh -c.
    const result = spawnSync('sh', ['-c', `cd() { :; }\n${script}`], {
      encoding: 'utf8',
      cwd: work,
      env: {
        PATH: `${stubs}:/usr/bin:/bin`,
        JAVA_HOME: '/nonexistent-java-home',
        HOME: work,
      },
    });
    const problems = [
      result.error ? `sh -c cannot run it: ${result.error.message}` : '',
      result.status === 0 || result.error ? '' : `exit status ${result.status}`,
      (result.stderr ?? '').trim(),
      fs.existsSync(marker) ? `the payload ran: ${marker} exists` : '',
    ].filter(Boolean);
    fs.rmSync(marker, { force: true });
    verdicts.set(f, problems.join('; '));
  }
  return verdicts;
}

/** Verdicts for every distinct RUN script of the Dockerfiles, keyed by script text. */
export function judgeRunSteps(
  dockerfiles: Iterable<string>,
  marker: string,
): Map<string, ScriptVerdict> {
  const scripts = [...new Set([...dockerfiles].flatMap(runScripts))];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-steps-'));
  try {
    const files = scripts.map((script, i) => {
      const file = `s${i}.sh`;
      fs.writeFileSync(path.join(dir, file), `${script}\n`);
      return file;
    });
    const checked = shellcheckAll(dir, files);
    const syntax = syntaxAll(dir, files);
    const dry = dryRunAll(dir, files, marker);
    return new Map(
      scripts.map((script, i) => [
        script,
        {
          shellcheck: checked.get(files[i])!.trim(),
          syntax: syntax.get(files[i])!,
          dryRun: dry.get(files[i])!,
        },
      ]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The complaints about one Dockerfile's RUN steps, given the verdicts; empty when clean. */
export function runStepFailures(
  dockerfile: string,
  verdicts: Map<string, ScriptVerdict>,
): string[] {
  return runScripts(dockerfile).flatMap(script => {
    const v = verdicts.get(script);
    if (!v) return [`RUN step not judged: ${script.slice(0, 80)}`];
    return [
      v.shellcheck && `shellcheck: ${v.shellcheck}`,
      v.syntax && `sh -n: ${v.syntax}`,
      v.dryRun && `dry run: ${v.dryRun}`,
    ].filter((s): s is string => Boolean(s));
  });
}
