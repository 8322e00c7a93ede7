// Minimal JSON-file persistence: one file per collection under DATA_DIR.
const fs = require('fs');
const path = require('path');

const DATA_DIR = path.resolve(process.env.DATA_DIR || './data');

function file(collection) {
  return path.join(DATA_DIR, collection + '.json');
}

function readAll(collection) {
  try {
    return JSON.parse(fs.readFileSync(file(collection), 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
}

function writeAll(collection, records) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(file(collection) + '.tmp', JSON.stringify(records, null, 2));
  fs.renameSync(file(collection) + '.tmp', file(collection));
}

module.exports = { readAll, writeAll };
