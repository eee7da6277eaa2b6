// A minimal hand-written codemod, the way one would write it for jscodeshift in an afternoon: `new OpenAI(…)` from
// `openai` becomes `new AzureOpenAI(…)` (import renamed) and `model: "gpt-…"` literals become a deployment env read.
// It is the floor a real transform is compared with in bench/real.mjs; it does none of our checks.
module.exports = function transform(file, api) {
  const j = api.jscodeshift;
  if (!file.source.includes('openai')) return null;
  const root = j(file.source);
  let changed = false;
  root.find(j.ImportDeclaration, { source: { value: 'openai' } }).forEach((path) => {
    for (const s of path.node.specifiers ?? []) {
      if (s.type !== 'ImportNamespaceSpecifier' && s.local.name === 'OpenAI') {
        path.node.specifiers[path.node.specifiers.indexOf(s)] = j.importSpecifier(j.identifier('AzureOpenAI'));
        changed = true;
      }
    }
  });
  root.find(j.NewExpression, { callee: { type: 'Identifier', name: 'OpenAI' } }).forEach((path) => {
    path.node.callee = j.identifier('AzureOpenAI');
    changed = true;
  });
  root.find(j.ObjectProperty, { key: { name: 'model' } }).forEach((path) => {
    const value = path.node.value;
    if (value.type === 'StringLiteral' && /^(gpt|o\d|text-embedding|dall-e|whisper|tts)/.test(value.value)) {
      path.node.value = j.logicalExpression('??', j.memberExpression(j.identifier('process.env'), j.identifier('AZURE_OPENAI_DEPLOYMENT')), value);
      changed = true;
    }
  });
  return changed ? root.toSource() : null;
};
