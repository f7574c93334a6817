/** `--key value`, `--key=value` and bare `--flag` (true) options of the bench's scripts. */
export function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument ${a}`);
    const [key, inline] = a.slice(2).split('=', 2);
    args[key] =
      inline ?? (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : true);
  }
  return args;
}
