#!/usr/bin/env bash
# Same bytes: runs the shipped sample nights and a generated book with two builds of the
# jar (say, the commit before a redesign and after it) and compares every output file.
#   scripts/same-bytes.sh BASE.jar NEW.jar [members=5000] [nights=3]
# Prints one line per differing file and exits 1 if there is any; each side's work folder
# stays under $WORK (default target/same-bytes) for a closer look.
set -euo pipefail
base_jar=$(realpath "$1"); new_jar=$(realpath "$2"); members=${3:-5000}; nights=${4:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-$repo/target/same-bytes}
rm -rf "$work"; mkdir -p "$work"

java -jar "$new_jar" generate --out="$work/book" --members="$members" --nights="$nights" --seed=15 >/dev/null

run_side() { # side jar
  local side=$1 jar=$2 dir="$work/$1"
  mkdir -p "$dir"
  (cd "$dir" && java -jar "$jar" nightly --input="$repo/input" --output="$dir/sample" \
      --spring.datasource.url="jdbc:h2:file:$dir/db-sample/refunds" >"$dir/sample.log" 2>&1)
  (cd "$dir" && java -jar "$jar" nightly --input="$work/book" --output="$dir/book" \
      --spring.datasource.url="jdbc:h2:file:$dir/db-book/refunds" >"$dir/book.log" 2>&1)
}
run_side base "$base_jar" & base_pid=$!
run_side new "$new_jar"
wait "$base_pid"

differ=0; files=0
for set in sample book; do
  while IFS= read -r f; do
    files=$((files + 1))
    if ! cmp -s "$work/base/$set/$f" "$work/new/$set/$f"; then echo "DIFF $set/$f"; differ=$((differ + 1)); fi
  done < <(cd "$work/base/$set" && find . -type f ! -name '.*' | sort)
  extra=$(diff <(cd "$work/base/$set" && find . -type f ! -name '.*' | sort) \
               <(cd "$work/new/$set" && find . -type f ! -name '.*' | sort) || true)
  if [ -n "$extra" ]; then echo "DIFF $set: file lists differ"; echo "$extra"; differ=$((differ + 1)); fi
done
echo "compared $files files of $(ls -d "$work"/base/sample/20* | wc -l) sample and $(ls -d "$work"/base/book/20* | wc -l) generated nights ($members members): $differ differ"
[ "$differ" -eq 0 ]
