#!/usr/bin/env bash
# Malformed and hostile policy files: each must get a located rego_parse_error and a
# non-zero exit, within a time bound, and never a crash. Deep but valid input must parse
# or be refused with a clear limit error.
#   malformed.sh ARCANE
set -u
arcane=$1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; fail=0

# expect NAME EXIT_KIND PATTERN: EXIT_KIND is "error" (exit 1 + located parse error) or
# "ok-or-limit" (exit 0, or exit 1 with a limit message).
expect() {
  local name=$1 kind=$2 pattern=$3 file="$work/$1.rego"
  local start end rc
  start=$(date +%s%N)
  # Sanitizer builds run several times slower; ARCANE_TIME_SCALE stretches the bound.
  timeout $((180 * ${ARCANE_TIME_SCALE:-1})) "$arcane" check "$file" >"$work/out" 2>"$work/err"; rc=$?
  end=$(date +%s%N)
  local ms=$(( (end - start) / 1000000 ))
  local ok=0
  case $kind in
    error) [ $rc = 1 ] && grep -Eq "$name\.rego:[0-9]+: rego_parse_error: $pattern" "$work/err" && ok=1 ;;
    ok-or-limit) { [ $rc = 0 ] || { [ $rc = 1 ] && grep -Eq "$pattern" "$work/err"; }; } && ok=1 ;;
  esac
  if [ $ok = 1 ]; then pass=$((pass+1)); echo "PASS $name (exit $rc, ${ms} ms)"
  else fail=$((fail+1)); echo "FAIL $name (exit $rc, ${ms} ms)"; head -c 600 "$work/err"; echo; fi
}

printf 'package p\n\nx := "never closed\n' >"$work/unterminated_string.rego"
printf 'package p\n\nx := `raw never closed\n' >"$work/unterminated_raw_string.rego"
printf 'package p\n\nx := 1 \x01\x02 ~ ^\n' >"$work/stray_bytes.rego"
printf 'package p\n\nx := "caf\xe9"\n' >"$work/non_utf8.rego"
printf '' >"$work/empty.rego"
printf '# only a comment\n' >"$work/comment_only.rego"
printf 'package p\n\nx := [1, {2, (3 + 4]\n' >"$work/unbalanced.rego"
printf 'package p\n\nallow if {\n  input.x == 1\n' >"$work/unclosed_body.rego"
{ printf 'package p\n\nx := '; head -c 100000 /dev/zero | tr '\0' '['; } >"$work/unclosed_brackets.rego"

expect unterminated_string error ".+"
expect unterminated_raw_string error ".+"
expect stray_bytes error ".+"
expect non_utf8 error ".+"
expect empty error ".+"
expect comment_only error ".+"
expect unbalanced error ".+"
expect unclosed_body error ".+"
expect unclosed_brackets error ".+"

{ printf 'package p\n\nx := '; head -c 10000 /dev/zero | tr '\0' '('; printf '1'; head -c 10000 /dev/zero | tr '\0' ')'; printf '\n'; } >"$work/deep_parens.rego"
expect deep_parens ok-or-limit "limit"

# A 10 MB module of ordinary rules.
{
  printf 'package big\n\n'
  i=0
  line='r%d if { input.user.roles[_] == "role-%d"; input.action in {"read", "write"}; count(input.items) > %d }\n'
  awk -v n=110000 'BEGIN { for (i = 0; i < n; i++) printf "r%d if { input.user.roles[_] == \"role-%d\"; input.action in {\"read\", \"write\"}; count(input.items) > %d }\n", i, i, i }'
} >"$work/big.rego"
echo "big.rego: $(( $(stat -c %s "$work/big.rego") / 1000000 )) MB"
expect big ok-or-limit "limit"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
