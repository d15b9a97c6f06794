/** The portal runs as one process group: a watchdog script, and signals sent to the group. */

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Runs the portal in the background and waits: when the portal ends, it ends with its status.
 * When the test process is gone without stop() (an interrupted run: Ctrl-C reaches Jest, not
 * this process group), it stops the group itself and removes the temporary folder, so that no
 * portal outlives its test. $1: scripts/run.sh, $2: the test process, $3: the temporary folder.
 */
export const WATCHDOG = `
bash "$1" backstage-cli repo start &
portal=$!
while kill -0 "$2" 2>/dev/null && kill -0 "$portal" 2>/dev/null; do sleep 1; done
if kill -0 "$portal" 2>/dev/null; then
  trap '' TERM
  kill -TERM 0
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
    kill -0 "$portal" 2>/dev/null || break
    sleep 1
  done
  rm -rf "$3"
  kill -KILL 0
fi
wait "$portal"
`;

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    // EPERM: a member exists but is not ours to signal; it still counts as alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function waitForGroupExit(
  pgid: number,
  ms: number,
): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
  return true;
}

export function signalGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is gone already.
  }
}
