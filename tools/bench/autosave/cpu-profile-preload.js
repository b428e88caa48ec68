// Preloaded with NODE_OPTIONS=--require (which, unlike --cpu-prof, NODE_OPTIONS allows): profiles
// the whole process and writes <name>-<pid>.cpuprofile into AUTOSAVE_CPU_PROFILE_DIR when it exits.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join, basename } = require('node:path');

const dir = process.env.AUTOSAVE_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // A session in the same thread answers synchronously, so this also works inside 'exit'.
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      // services/sessions/src/main.ts → sessions; gateway/src/main.ts → gateway.
      const entry = process.argv.find((arg) => arg.endsWith('.ts')) || 'node';
      const name = basename(entry.includes('/src/') ? entry.slice(0, entry.lastIndexOf('/src/')) : entry);
      const mode = process.argv.slice(2).join('_') || 'run';
      writeFileSync(join(dir, `${name}-${mode}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on('exit', write);
  // Nest re-raises SIGTERM after its shutdown hooks, so a service never reaches 'exit': write on
  // the signal (Nest's own listener still runs the graceful shutdown).
  process.once('SIGTERM', write);
}
