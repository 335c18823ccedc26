// Preloaded (node --require) into the CLI by tests/e2e/start-up.test.ts; never part of the product.
// As the process exits, writes the Node modules it has loaded, one a line, to $LOADED_MODULES.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.LOADED_MODULES, process.moduleLoadList.join('\n'));
});
