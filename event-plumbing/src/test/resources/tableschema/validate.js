// node validate.js <schema.json> <data.csv|data.json>: prints every error and exits 1 when the data breaks the schema.
// A JSON file is an array of objects keyed by the schema's field names (absent: empty), checked as the CSV would be.
const fs = require('fs');
const { Table } = require('tableschema');

async function main([schemaPath, dataPath]) {
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  let source = dataPath;
  if (dataPath.endsWith('.json')) {
    const names = schema.fields.map((field) => field.name);
    const items = JSON.parse(fs.readFileSync(dataPath, 'utf8'));
    source = [names, ...items.map((item) => names.map((name) => (item[name] === undefined ? '' : String(item[name]))))];
  }
  const table = await Table.load(source, { schema });
  const rows = await table.read({ forceCast: true });
  const errors = [];
  rows.forEach((row, index) => {
    if (row instanceof Error) {
      (row.errors && row.errors.length ? row.errors : [row]).forEach((error) =>
        errors.push(`row ${index + 1}: ${error.message}`));
    }
  });
  console.log(JSON.stringify({ rows: rows.length, errors }));
  process.exit(errors.length ? 1 : 0);
}

main(process.argv.slice(2)).catch((error) => {
  const errors = error.errors && error.errors.length ? error.errors.map((e) => e.message) : [error.message];
  console.log(JSON.stringify({ rows: 0, errors }));
  process.exit(1);
});
