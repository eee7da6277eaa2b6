// A transform that reads nothing and changes nothing: timing jscodeshift with it gives the floor of its CLI
// (walk, worker start-up, IPC per file) on a tree, for comparison with the real transform.
module.exports = () => null;
