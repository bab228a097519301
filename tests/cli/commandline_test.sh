#!/usr/bin/env bash
# The command line as people expect it (issue 14): --help in one language (Dutch
# by default, English with --lang en, every description translated), a
# misspelt subcommand, option or --focus name gets a suggestion and exit 2,
# --version names the libraries, and the completions offer exactly the options
# --help lists (both come from the same tables).
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"

"$cioc" --help > "$tmp/nl" 2>&1; check "--help" 0 $?
expect "--help: Dutch by default" "$tmp/nl" "Subcommando's:"
absent "--help: none of LLVM's English" "$tmp/nl" "USAGE:"
"$cioc" --help --lang en > "$tmp/en" 2>&1; check "--help --lang en" 0 $?
expect "--help --lang en: English" "$tmp/en" "Subcommands:"
absent "--help --lang en: no Dutch heading" "$tmp/en" "Subcommando"

# Every subcommand: the same rows in both languages, and each row's text translated.
subs=$(sed -n '/^Subcommando/,/^$/p' "$tmp/nl" | awk 'NF > 1 {print $1}')
[ "$(echo $subs | wc -w)" -ge 10 ]; check "--help lists the subcommands ($(echo $subs))" 0 $?
for sub in $subs; do
  "$cioc" "$sub" --help > "$tmp/s.nl" 2>&1; check "cioc $sub --help" 0 $?
  "$cioc" "$sub" --help --lang=en > "$tmp/s.en" 2>&1
  grep -E '^  -' "$tmp/s.nl" | sed -E 's/^  (\S+)\s+(.*)$/\1\t\2/' > "$tmp/rows.nl"
  grep -E '^  -' "$tmp/s.en" | sed -E 's/^  (\S+)\s+(.*)$/\1\t\2/' > "$tmp/rows.en"
  untranslated=$(paste "$tmp/rows.nl" "$tmp/rows.en" | awk -F'\t' '$2 == $4 {print $1}')
  [ -z "$untranslated" ]; check "cioc $sub --help --lang en: every option translated (left: $untranslated)" 0 $?
  # The bash completion offers exactly the options the help lists.
  from_help=$(cut -f1 "$tmp/rows.nl" | sed -E 's/[= ].*//' | sort | tr '\n' ' ')
  from_completion=$("$cioc" __bash | sed -nE "s/^    $sub\) opts=\"([^\"]*)\".*/\1/p" | tr ' ' '\n' | sed '/^$/d' | sort | tr '\n' ' ')
  [ "$from_help" = "$from_completion" ]
  check "cioc $sub: completion = help ($from_completion)" 0 $?
done

"$cioc" chek x > "$tmp/out" 2>&1; check "a misspelt subcommand" 2 $?
expect "a misspelt subcommand: suggestion" "$tmp/out" "bedoeld: \`check\`?"
"$cioc" chekc x --lang en > "$tmp/out" 2>&1; check "a misspelt subcommand (transposed letters)" 2 $?
expect "a misspelt subcommand, in English" "$tmp/out" "did you mean \`check\`?"
"$cioc" check --peildatm 2025-01-01 x > "$tmp/out" 2>&1; check "a misspelt option" 2 $?
expect "a misspelt option: suggestion" "$tmp/out" "bedoeld: \`--peildatum\`?"
expect "a misspelt option: where to look" "$tmp/out" "cioc check --help"
"$cioc" fmt --peildatum 2025-01-01 x > "$tmp/out" 2>&1; check "an option of another subcommand" 2 $?
expect "an option of another subcommand: named" "$tmp/out" "onbekende optie \`--peildatum\` bij \`cioc fmt\`"
"$cioc" > "$tmp/out" 2>&1; check "no subcommand" 2 $?
expect "no subcommand: what to do" "$tmp/out" "geef een subcommando"
"$cioc" check --peildatum=2025-06-01 --stdlib "$stdlib" "$root/examples/rijksdienst" > /dev/null 2>&1
check "option=value still accepted" 0 $?
"$cioc" check --lang en --peildatum 2025-06-01 --stdlib "$stdlib" "$root/examples/rijksdienst" > /dev/null 2>&1
check "option value as the next word still accepted" 0 $?

"$cioc" graph --stdlib "$stdlib" --peildatum 2025-06-01 "$root/examples/rijksdienst" --focus FNI > "$tmp/out" 2>&1
check "--focus: a misspelt organisation (a usage error)" 2 $?
expect "--focus: suggestion" "$tmp/out" "bedoeld: \`FIN\`?"

"$cioc" --version --stdlib "$stdlib" > "$tmp/out" 2>&1; check "--version" 0 $?
expect "--version: LLVM" "$tmp/out" "LLVM 16"
expect "--version: ANTLR" "$tmp/out" "ANTLR 4"
expect "--version: Graphviz" "$tmp/out" "Graphviz"
expect "--version: the law" "$tmp/out" "besluit_cio_2021 — Besluit CIO-stelsel Rijksdienst 2021"
exit $fail
