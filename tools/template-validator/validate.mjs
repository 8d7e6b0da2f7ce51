// Validates every element template under the given directory (recursively) the way Camunda Modeler
// does: with @bpmn-io/element-templates-validator against the official Zeebe element template JSON
// schema (@camunda/zeebe-element-templates-json-schema). Exit code 1 on any error.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, '../../element-templates'));

// Installed by .ci/run; a developer's first `./mvnw verify` installs the pinned versions from the lock file.
if (!existsSync(join(here, 'node_modules/@bpmn-io/element-templates-validator'))) {
  console.log('Installing the pinned template validator (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { cwd: here, stdio: 'inherit' });
}
const validator = await import('@bpmn-io/element-templates-validator');
const schemaPackage = JSON.parse(
  readFileSync(join(here, 'node_modules/@camunda/zeebe-element-templates-json-schema/package.json'), 'utf8'));

function jsonFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

if (!existsSync(root)) {
  console.log(`No element templates directory at ${root}; nothing to validate.`);
  process.exit(0);
}

const files = jsonFiles(root).sort();
let failed = 0;
const ids = new Map();
for (const file of files) {
  const name = relative(root, file);
  let template;
  try {
    template = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`✗ ${name}: not valid JSON: ${e.message}`);
    failed++;
    continue;
  }
  const { valid, errors } = validator.validateZeebe(template);
  const key = `${template.id}@${template.version}`;
  if (ids.has(key)) {
    console.error(`✗ ${name}: id ${template.id} version ${template.version} also in ${ids.get(key)}`);
    failed++;
  }
  ids.set(key, name);
  if (valid) {
    console.log(`✓ ${name} (${template.id} v${template.version})`);
  } else {
    failed++;
    console.error(`✗ ${name}:`);
    for (const error of errors) {
      console.error(`    ${error.dataPath ?? error.instancePath ?? ''} ${error.message}`);
    }
  }
}
console.log(
  `Validated ${files.length} template(s) against ${schemaPackage.name} ${schemaPackage.version} ` +
  `(validator schema ${validator.getZeebeSchemaVersion()}): ${failed} failed.`);
process.exit(failed === 0 ? 0 : 1);
