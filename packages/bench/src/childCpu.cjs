// Preloaded (node --require) into a timed child: on exit it writes the CPU time the process
// used, every thread included (user and system, microseconds), to the file BENCH_CPU_FILE.
// The bench reads it back; on a shared machine CPU time moves less than wall time.
const fs = require('node:fs');

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ userCPUTime, systemCPUTime }));
  });
}
