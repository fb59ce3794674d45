// Node as a user's shell starts it. This machine's environment may set NODE_EXTRA_CA_CERTS (reading extra CA
// certificates costs every Node start tens of milliseconds) or NODE_OPTIONS, which a user's shell does not;
// whole-process benches start Node, and what they compare it with, without them.

export function plainNodeEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const plain = { ...env };
  delete plain['NODE_EXTRA_CA_CERTS'];
  delete plain['NODE_OPTIONS'];
  return plain;
}
