#!/usr/bin/env bash
# The attacker rehearsal (SPEC section 11): a generated book with the five attacker campaigns,
# every night of it run once per review setting, and per setting what the attackers were paid
# and what the setting cost honest applicants, so that a finance team chooses by numbers.
#   bench/attack.sh [MEMBERS=100000] [SEED=2019] [NIGHTS=62]
# NIGHTS business nights from 2019-11-14: 62 reach 2020-02-13, past the web channel's first
# payout date (2020-01-27) with the identity checks that arrive on later nights.
# Settings compared: the defaults, each stricter flag alone, all three. LARGE_YEN (default
# 30000, about a tenth of the generated balances) is the LARGE_REFUND threshold. PARALLEL
# (default 2) settings run at once, each in its own H2 book and output folder.
# Work files go to bench/work/attack-MEMBERS/ (not in git); the table to its table.md.
set -euo pipefail
cd "$(dirname "$0")/.."
members="${1:-100000}"; seed="${2:-2019}"; nights="${3:-62}"
large="${LARGE_YEN:-30000}"; parallel="${PARALLEL:-2}"
work="bench/work/attack-$members"; rm -rf "$work"; mkdir -p "$work"
./mvnw -q -B -DskipTests package
cp target/refund-batch.jar "$work/refund-batch.jar"   # a rebuild during the run must not touch the running jar
export work

echo "== generate --attack: $members members, $nights nights (seed $seed)"
start=$(date +%s)
java -Xmx2g -jar "$work/refund-batch.jar" generate --attack --out="$work/book" --members="$members" \
  --seed="$seed" --nights="$nights" > "$work/generate.log" 2>&1 || { tail -5 "$work/generate.log"; exit 1; }
grep -iE "campaign|key|honest|TAKEOVER|STOLEN|ADDRESS|RACE" "$work/generate.log" | sed 's/^/  /' | head -12
echo "  generated in $(( $(date +%s) - start )) s"

# name|settings (space-separated Spring arguments; empty for the defaults)
settings=(
  "defaults|"
  "large-refund|--refund.review.large-refund-yen=$large"
  "contact-not-registered|--refund.review.contact-not-registered=true"
  "shared-contact|--refund.review.shared-contact=true"
  "all-three|--refund.review.large-refund-yen=$large --refund.review.contact-not-registered=true --refund.review.shared-contact=true"
)

run_setting() {
  local name="${1%%|*}" args="${1#*|}" dir="$work/${1%%|*}" t0
  mkdir -p "$dir"
  t0=$(date +%s)
  # every night of the book in one process (catch-up), then the report on the same book
  # shellcheck disable=SC2086
  if ! java -Xmx2g -jar "$work/refund-batch.jar" nightly --input="$work/book" --output="$dir/output" \
      --spring.datasource.url="jdbc:h2:file:$(pwd)/$dir/db/refunds" $args > "$dir/nights.log" 2>&1; then
    echo "  $name: the nights failed:"; tail -5 "$dir/nights.log"; return 1
  fi
  # shellcheck disable=SC2086
  if ! java -Xmx2g -jar "$work/refund-batch.jar" attack-report --key="$work/book/attack-key.csv" \
      --output="$dir/output" --spring.datasource.url="jdbc:h2:file:$(pwd)/$dir/db/refunds" $args \
      > "$dir/report.txt" 2>&1; then
    echo "  $name: attack-report failed:"; tail -5 "$dir/report.txt"; return 1
  fi
  echo "  $name: $(ls "$dir/output" | grep -c '^20') nights and the report in $(( $(date +%s) - t0 )) s"
}
export -f run_setting

echo "== the nights, once per setting ($parallel at once)"
printf '%s\n' "${settings[@]}" | xargs -P "$parallel" -I{} bash -c 'run_setting "$@"' _ {}

# column of attack-report.csv by its header name, on the line of one campaign
field() { # file campaign column
  awk -F, -v c="$2" -v col="$3" 'NR==1{for(i=1;i<=NF;i++) if($i==col) k=i; next} $1==c{print $k}' "$1"
}
{
  echo "| setting | attacker yen claimed | attacker yen paid | of it without a document check | attacker yen held | attacker yen stopped | honest claims held for review | honest claims delayed | honest yen delayed | owners blocked |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  for s in "${settings[@]}"; do
    name="${s%%|*}"; csv="$work/$name/output/attack-report.csv"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" \
      "$(field "$csv" ATTACKERS claimed_yen)" "$(field "$csv" ATTACKERS paid_yen)" \
      "$(field "$csv" ATTACKERS paid_without_document_check_yen)" "$(field "$csv" ATTACKERS held_yen)" \
      "$(field "$csv" ATTACKERS stopped_yen)" "$(field "$csv" HONEST honest_held_for_review_claims)" \
      "$(field "$csv" HONEST honest_delayed_claims)" "$(field "$csv" HONEST honest_delayed_yen)" \
      "$(field "$csv" HONEST honest_owners_blocked)"
  done
} > "$work/table.md"
echo "== per setting (LARGE_REFUND at $large yen)"
cat "$work/table.md"
echo "== per campaign, all three flags on"
cat "$work/all-three/report.txt"
