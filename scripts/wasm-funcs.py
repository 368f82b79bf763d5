#!/usr/bin/env python3
"""scripts/wasm-funcs.py A.wasm [B.wasm]: code size by function name, from the name section of
cargo's raw output (target/wasm32-unknown-unknown/wasm-release/factflag.wasm, before wasm-opt);
with B, the largest differences. How this session found where the code budget went."""
import sys
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
def parse(path):
    b = open(path, 'rb').read(); i = 8; imports = 0; sizes = []; names = {}
    while i < len(b):
        sid = b[i]; i += 1; n, i = leb(b, i); end = i + n
        if sid == 2:
            cnt, j = leb(b, i)
            for _ in range(cnt):
                l, j = leb(b, j); j += l; l, j = leb(b, j); j += l
                kind = b[j]; j += 1
                if kind == 0: _, j = leb(b, j); imports += 1
                elif kind == 1: j += 1; fl, j = leb(b, j); _, j = leb(b, j); j = (leb(b, j)[1] if fl & 1 else j)
                elif kind == 2: fl, j = leb(b, j); _, j = leb(b, j); j = (leb(b, j)[1] if fl & 1 else j)
                elif kind == 3: j += 2
        elif sid == 10:
            cnt, j = leb(b, i)
            for _ in range(cnt):
                l, j = leb(b, j); sizes.append(l); j += l
        elif sid == 0:
            l, j = leb(b, i); nm = b[j:j+l].decode(); j += l
            if nm == 'name':
                while j < end:
                    sub = b[j]; j += 1; sl, j = leb(b, j); se = j + sl
                    if sub == 1:
                        cnt, k = leb(b, j)
                        for _ in range(cnt):
                            idx, k = leb(b, k); l2, k = leb(b, k); names[idx] = b[k:k+l2].decode(errors='replace'); k += l2
                    j = se
        i = end
    out = {}
    for f, sz in enumerate(sizes):
        nm = names.get(f + imports, f'#{f}')
        out[nm] = out.get(nm, 0) + sz
    return out
a = parse(sys.argv[1])
if len(sys.argv) == 2:
    for k, v in sorted(a.items(), key=lambda x: -x[1])[:40]: print(v, k[:150])
else:
    b = parse(sys.argv[2])
    d = {k: b.get(k, 0) - a.get(k, 0) for k in set(a) | set(b)}
    print('total', sum(a.values()), sum(b.values()))
    for k, v in sorted(d.items(), key=lambda x: -abs(x[1]))[:40]: print(v, a.get(k,0), b.get(k,0), k[:140])
