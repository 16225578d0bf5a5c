// Checks a simdata dataset with datapackage-js: the package validates, every tabular resource reads and casts with
// its foreign keys checked, and each resource's row count equals the manifest's. Prints one JSON line.
// Usage: node check.js <node_modules folder> <dataset folder>
const path = require('path');
const { Package } = require(path.join(process.argv[2], 'datapackage'));

async function main() {
  const dataset = process.argv[3];
  const pkg = await Package.load(path.join(dataset, 'datapackage.json'), { basePath: dataset });
  const report = { valid: pkg.valid, errors: pkg.errors.map(String), resources: 0, tabular: 0, rows: 0, problems: [] };
  for (const resource of pkg.resources) {
    report.resources++;
    if (!resource.valid) {
      report.problems.push(resource.name + ': ' + resource.errors.map(String).join('; '));
      continue;
    }
    if (!resource.tabular) {
      continue;
    }
    report.tabular++;
    try {
      const rows = await resource.read({ cast: true, relations: true });
      report.rows += rows.length;
      if (rows.length !== resource.descriptor.rows) {
        report.problems.push(resource.name + ': read ' + rows.length + ' rows, manifest says ' + resource.descriptor.rows);
      }
    } catch (error) {
      const details = (error.errors || []).slice(0, 3).map(String).join('; ');
      report.problems.push(resource.name + ': ' + error.message + (details ? ' (' + details + ')' : ''));
    }
  }
  console.log(JSON.stringify(report));
}

main().catch(error => { console.log(JSON.stringify({ fatal: String(error) })); process.exit(1); });
