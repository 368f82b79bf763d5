#!/usr/bin/env python3
"""eval/probe.py FILE.jsonl [FILE...] --bin BIN [-v]: scores a sentence probe set (eval/README.md,
"Sentence probes"): false sentences caught, true sentences flagged, corrected twins flagged.

Each line of a set is {"id", "class", "date", "text", "truth", "twin"?, "why", "source"}; a
sentence counts as flagged when `BIN check - --date DATE --format json` reports a finding with
verdict "contradicted". -v lists each miss and each flag with the finding's explanation."""
import json, subprocess, sys
args = sys.argv[1:]
verbose = '-v' in args
bin_ = args[args.index('--bin') + 1]
files = [a for a in args if a.endswith('.jsonl')]
def flagged(text, date):
    r = subprocess.run([bin_, 'check', '-', '--date', date, '--format', 'json'], input=text, capture_output=True, text=True)
    d = json.loads(r.stdout)
    return [f for f in d['findings'] if f.get('verdict', f.get('reason')) and f.get('verdict') == 'contradicted']
caught = fl_true = fl_twin = nf = nt = 0
rows = []
for fn in files:
    for l in open(fn):
        x = json.loads(l)
        if x['truth'] is False:
            nf += 1
            f = flagged(x['text'], x['date'])
            t = flagged(x['twin'], x['date'])
            caught += bool(f); fl_twin += bool(t)
            rows.append(('CAUGHT' if f else 'MISS', x, f))
            if t: rows.append(('TWIN-FLAGGED', x, t))
        else:
            nt += 1
            f = flagged(x['text'], x['date'])
            fl_true += bool(f)
            if f: rows.append(('TRUE-FLAGGED', x, f))
if verbose:
    for k, x, f in rows:
        print(k, x['id'], x['class'], x['date'], x['text'][:200])
        for g in f: print('    ->', g['quote'], '|', g['explanation'][:160])
print(f"false caught {caught}/{nf}; true flagged {fl_true}/{nt}; twins flagged {fl_twin}/{nf}")
