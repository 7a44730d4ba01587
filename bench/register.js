// `node --require ./bench/register.js bench/<name>/run.ts`: runs TypeScript without a build.
// Each .ts file is transpiled as it loads (no type check; options as in tsconfig.json), and
// `@hotline/<lib>` resolves to `libs/<lib>/src`.
const Module = require('module');
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const libs = path.join(__dirname, '..', 'libs');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@hotline\/([^/]+)(\/.*)?$/.exec(request);
  const target = alias ? path.join(libs, alias[1], 'src', alias[2] ?? '') : request;
  return resolveFilename.call(this, target, ...rest);
};

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  useDefineForClassFields: false,
  esModuleInterop: true,
};
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
