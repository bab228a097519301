#!/usr/bin/env bash
# Malformed input of any kind gets a diagnostic with file:line:col and exit
# status 1 or 2: never a crash (status >= 128), a hang (timeout) or silence.
set -u
cioc=$1 stdlib=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# The timeouts stop a hang; they are not speed limits (a sanitizer build on a
# busy CI machine is many times slower than a release build on an idle one).
run() {  # run NAME FILE
  timeout 300 "$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$2" > "$tmp/out" 2>&1
  local rc=$?
  if [ $rc -ne 1 ] && [ $rc -ne 2 ]; then echo "FAIL $1: exit $rc"; fail=1; return; fi
  if ! grep -qE "$(basename "$2"):[0-9]+:[0-9]+" "$tmp/out"; then echo "FAIL $1: no file:line:col"; head -5 "$tmp/out"; fail=1; return; fi
  echo "ok   $1 (exit $rc)"
}
head -c 200000 /dev/urandom > "$tmp/random.cio"; run "random bytes" "$tmp/random.cio"
# Random printable bytes pass UTF-8 validation and exercise lexer and parser recovery.
head -c 300000 /dev/urandom | tr -dc 'a-z{}[]();=.,"/*@ \n0-9' | head -c 100000 > "$tmp/printable.cio"
printf 'x' >> "$tmp/printable.cio"; run "random printable" "$tmp/printable.cio"
printf 'gebruik besluit_cio_2021;\nministerie X "caf\xc3\x28" {}\n' > "$tmp/utf8.cio"; run "invalid UTF-8" "$tmp/utf8.cio"
printf 'gebruik besluit_cio_2021;\nministerie X "\xed\xa0\x80" {}\n' > "$tmp/surrogate.cio"; run "UTF-8 surrogate" "$tmp/surrogate.cio"
python3 -c "print('gebruik besluit_cio_2021;\nministerie X {' + '{'*100000)" > "$tmp/braces.cio"; run "100000 braces" "$tmp/braces.cio"
python3 -c "print('norm n { eis ' + '('*100000 + 'ja' + ')'*100000 + '; }')" > "$tmp/parens.cio"; run "100000 parentheses" "$tmp/parens.cio"
python3 -c "print('norm n { eis ' + 'niet '*100000 + 'ja; }')" > "$tmp/niet.cio"; run "100000 prefix operators" "$tmp/niet.cio"
python3 -c "print('norm n { eis a' + '.b'*100000 + '; }')" > "$tmp/path.cio"; run "100000-step path" "$tmp/path.cio"
python3 -c "print('gebruik besluit_cio_2021;\nministerie X \"' + 'a'*5000000)" > "$tmp/string.cio"; run "unterminated 5 MB string" "$tmp/string.cio"
python3 -c "print('gebruik besluit_cio_2021;\n/*' + ' x'*2000000)" > "$tmp/comment.cio"; run "unterminated comment" "$tmp/comment.cio"
python3 -c "print('gebruik besluit_cio_2021;\nministerie X { ' + 'functie F; '*1 + 'sg S; '*200000 + ' }')" > "$tmp/longline.cio"; run "huge line" "$tmp/longline.cio"
printf '\x00\x00\x00' > "$tmp/nul.cio"; run "NUL bytes" "$tmp/nul.cio"
# A 6 MB `of` chain: stopped at the expression limit, in bounded memory (was 1.4 GiB).
python3 -c "print('norm n { artikel art1; ernst fout; voor elk x in y; eis ' + ' of '.join(['ja'] * 1000000) + '; }')" > "$tmp/of.cio"
/usr/bin/time -f %M -o "$tmp/rss" timeout 300 "$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$tmp/of.cio" > "$tmp/out" 2>&1
rss=$(tail -n 1 "$tmp/rss")
grep -q expression_too_long "$tmp/out" && [ "$rss" -lt 300000 ] && echo "ok   6 MB of-chain: expression_too_long, $rss KiB" || { echo "FAIL 6 MB of-chain ($rss KiB)"; fail=1; }
python3 -c "print('gebruik besluit_cio_2021;\nministerie X { bestuursraad B { leden = [' + 'S, '*100001 + 'S]; } }')" > "$tmp/list.cio"
run "list of 100002 items" "$tmp/list.cio"; grep -q "list_too_long" "$tmp/out" || { echo "FAIL no list_too_long"; fail=1; }
python3 -c "print('gebruik besluit_cio_2021;\nministerie X { sg S; bestuursraad B { leden = [' + 'S, '*99999 + 'S]; } }')" > "$tmp/list_ok.cio"
timeout 300 "$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$tmp/list_ok.cio" > "$tmp/out" 2>&1
grep -q "list_too_long" "$tmp/out" && { echo "FAIL 100000 items are allowed"; fail=1; } || echo "ok   list of 100000 items is within the limit"
# Token soup in norm requirements: error recovery leaves partial rules, which
# the AST builder must complete so that the checker and evaluator never crash.
python3 - "$cioc" "$stdlib" "$tmp" <<'PY' || fail=1
import random, subprocess, sys
cioc, stdlib, tmp = sys.argv[1:4]
random.seed(7)
vocab = ['niet', 'en', 'of', 'als', 'dan', 'elk', 'er', 'is', 'een', 'geen', 'in', 'met', 'heeft', 'aantal',
         '(', ')', '[', ']', ',', '.', ':', '=', '!=', '<', '>=', '+', '-', 'm', 'm.cio', 'c', 'm.sg', 'ja',
         'nee', '5 mln', '2 jaar', '2025-01-01', 'peildatum', 'substantieel', 'art3.1', '"t"', 'ministerie']
bad = 0
for i in range(150):
    body = ' '.join(random.choice(vocab) for _ in range(random.randint(1, 25)))
    path = f'{tmp}/soup.cio'
    with open(path, 'w') as f:
        f.write('gebruik besluit_cio_2021;\n'
                f'norm n{i} {{ artikel art3.1; ernst fout; voor elk m in ministerie; eis {body}; melding "x"; }}\n'
                'ministerie M { sg S; cio C { ressorteert_onder = S; } }\n')
    rc = subprocess.run([cioc, 'check', '--stdlib', stdlib, '--peildatum', '2025-06-01', path],
                        capture_output=True, timeout=120).returncode
    if rc not in (0, 1, 2):
        bad += 1
        print(f'FAIL norm token soup exit {rc}: {body}')
print('ok   150 norms of token soup' if not bad else f'FAIL {bad} crashes')
sys.exit(1 if bad else 0)
PY
exit $fail
