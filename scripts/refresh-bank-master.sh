#!/usr/bin/env bash
# Rebuilds src/main/resources/reference/bank-master.csv from the zengin-code npm package
# (MIT licence, https://github.com/zengin-code): every bank and branch code with kana names.
#   scripts/refresh-bank-master.sh [VERSION]      e.g. 1.0.0-p20260824; default: latest
# Review the diff (git diff --stat) before committing: a vanished branch code turns
# pending BANK applications for it into INVALID_BANK_ACCOUNT.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-latest}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "zengin-code@${version}" >/dev/null && tar xzf zengin-code-*.tgz)
target=src/main/resources/reference
node - "$work/package/lib/zengin-data.js" > "$target/bank-master.csv.new" <<'JS'
const banks = require(process.argv[2]);
const q = (s) => /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
const lines = ['bank_code,bank_name,bank_kana,branch_code,branch_name,branch_kana'];
for (const code of Object.keys(banks).sort()) {
  const bank = banks[code];
  for (const b of Object.keys(bank.branches).sort()) {
    const branch = bank.branches[b];
    lines.push([bank.code, bank.name, bank.kana, branch.code, branch.name, branch.kana].map(q).join(','));
  }
}
process.stdout.write(lines.join('\n') + '\n');
JS
cp "$work/package/LICENSE.txt" "$target/bank-master.LICENSE.txt"
mv "$target/bank-master.csv.new" "$target/bank-master.csv"
echo "bank-master.csv: $(($(wc -l < "$target/bank-master.csv") - 1)) branches from zengin-code@${version}"
