#!/usr/bin/env python3
"""Black-box score of briefbot's article import on the blind set in this folder.

Run from /work/main:  python3 eval/blind-import/score.py [FOLDER] [--no-import] [--kb DIR] [--kb-html DIR] [--json]
FOLDER (default: this folder) is another set in the same format, e.g. eval/blind-import-2; its slugs are its
*.questions.jsonl files, and the default --kb / --kb-html become /tmp/<folder name>-kb and -kb-html.

1. Imports the four .txt files into --kb (default /tmp/blind-kb) with
   `npx tsx src/cli.ts import <txt> --dir KB --id <slug>`, and into --kb-html
   (default /tmp/blind-kb-html) the two .html pages served by a local
   `python3 -m http.server` on 127.0.0.1 (plus the two .txt-only articles, so
   that folder also holds all four). --no-import reuses what is there.
2. Quotes: compares the YAML's quotes (speaker resolved to the speaker's name)
   with <slug>.quotes.jsonl. A quote matches when the texts are equal after
   lower-casing, straightening curly quotes and trimming punctuation/space at
   both ends; the speaker is right when one name contains the other. Matching
   is one-to-one. Precision = right-speaker matches / written quotes, recall =
   right-speaker matches / gold quotes (also shown: text-only matches).
3. Questions: asks every question of <slug>.questions.jsonl with
   `KNOWLEDGE_DIR=KB npx tsx src/cli.ts ask --json` (stdin, one per line).
   In-scope is right when answered and the answer text plus speaker name
   contains one of the expect phrases (case-insensitive, curly quotes
   straightened); out-of-scope is right when declined.
4. Title, byline (reporters) and date from the YAML's source block against
   <slug>.meta.json (the .txt has no date, so dates are only expected from
   the .html imports).

Standard library only; the YAML is read through node's `yaml` package from
/work/main/node_modules.
"""
import argparse, glob, json, os, re, socket, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SLUGS = ["brackwater-falls-wifi-filter", "tessel-ipo-delayed-fine",
         "fenwater-boards-moderators", "pellmouth-leaked-chat-case"]
CLI = ["npx", "tsx", "src/cli.ts"]


def straighten(s):
    return (s.replace("\u2018", "'").replace("\u2019", "'")
             .replace("\u201c", '"').replace("\u201d", '"'))


def norm_quote(s):
    s = straighten(s).lower()
    s = re.sub(r"\s+", " ", s)
    return re.sub(r"^[\s\W_]+|[\s\W_]+$", "", s)


def norm_name(s):
    return re.sub(r"\s+", " ", straighten(s or "").lower()).strip()


def run(cmd, env=None, stdin=None):
    e = dict(os.environ)
    if env:
        e.update(env)
    p = subprocess.run(cmd, cwd=ROOT, env=e, input=stdin, capture_output=True, text=True, timeout=900)
    return p.returncode, p.stdout, p.stderr


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def do_imports(kb, kb_html):
    for d in (kb, kb_html):
        os.makedirs(d, exist_ok=True)
        for f in glob.glob(os.path.join(d, "*.yaml")) + glob.glob(os.path.join(d, "*.txt")):
            os.remove(f)
    reviews = {}
    for slug in SLUGS:
        rc, out, err = run(CLI + ["import", os.path.join(HERE, slug + ".txt"), "--dir", kb, "--id", slug])
        reviews[("txt", slug)] = out + err
    port = free_port()
    srv = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                           cwd=HERE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        for slug in SLUGS:
            if os.path.exists(os.path.join(HERE, slug + ".html")):
                rc, out, err = run(CLI + ["import", f"http://127.0.0.1:{port}/{slug}.html", "--dir", kb_html])
            else:
                rc, out, err = run(CLI + ["import", os.path.join(HERE, slug + ".txt"), "--dir", kb_html, "--id", slug])
            reviews[("html", slug)] = out + err
    finally:
        srv.terminate()
        srv.wait()
    return reviews


def load_yamls(kb):
    """{yaml path: parsed dict} via node's yaml package."""
    js = ("const y=require('yaml'),fs=require('fs'),path=require('path');const d=process.argv[1];const o={};"
          "for(const f of fs.readdirSync(d)){if(f.endsWith('.yaml'))o[f]=y.parse(fs.readFileSync(path.join(d,f),'utf8'));}"
          "console.log(JSON.stringify(o));")
    rc, out, err = run(["node", "-e", js, kb])
    if rc != 0:
        raise SystemExit("yaml read failed: " + err)
    return json.loads(out)


def yaml_for(yamls, slug, html=False):
    """The YAML imported from this article: by id (txt) or by the url/comment (html)."""
    for f, d in yamls.items():
        src = (d or {}).get("source", {}) or {}
        if html:
            if str(src.get("url", "")).endswith("/" + slug + ".html"):
                return d
        elif src.get("id") == slug:
            return d
    return None


def score_quotes(doc, gold):
    spk = {s.get("id"): s.get("name") for s in (doc.get("speakers") or [])}
    got = [(q.get("text", ""), spk.get(q.get("speaker"), q.get("speaker") or "")) for q in (doc.get("quotes") or [])]
    used = set()
    hits, text_hits, rows = 0, 0, []
    for g in gold:
        gt = norm_quote(g["text"])
        match = None
        for i, (t, s) in enumerate(got):
            if i not in used and norm_quote(t) == gt:
                match = i
                break
        if match is None:
            rows.append(("missed", g["text"], g["speaker"], None))
            continue
        used.add(match)
        text_hits += 1
        a, b = norm_name(g["speaker"]), norm_name(got[match][1])
        if a and b and (a in b or b in a):
            hits += 1
        else:
            rows.append(("wrong speaker", g["text"], g["speaker"], got[match][1]))
    for i, (t, s) in enumerate(got):
        if i not in used:
            rows.append(("extra", t, None, s))
    return {"gold": len(gold), "written": len(got), "right": hits, "text_match": text_hits, "rows": rows}


def ask(kb, questions):
    rc, out, err = run(CLI + ["ask", "--json"], env={"KNOWLEDGE_DIR": kb}, stdin="\n".join(questions) + "\n")
    res = [json.loads(l) for l in out.splitlines() if l.strip().startswith("{")]
    if len(res) != len(questions):
        raise SystemExit(f"ask returned {len(res)} answers for {len(questions)} questions: {err[-500:]}")
    return res


def answer_text(r):
    sp = r.get("speaker") or {}
    name = sp.get("name") if isinstance(sp, dict) else str(sp)
    return straighten(((r.get("text") or "") + "\n" + (name or "")).lower())


def score_questions(kb, slug):
    qs = [json.loads(l) for l in open(os.path.join(HERE, slug + ".questions.jsonl"), encoding="utf-8")]
    res = ask(kb, [q["q"] for q in qs])
    ins = outs = ins_ok = outs_ok = 0
    fails = []
    for q, r in zip(qs, res):
        answered = bool(r.get("answered"))
        if q["expect"] is None:
            outs += 1
            if not answered:
                outs_ok += 1
            else:
                fails.append(("out-of-scope answered", q["q"], r.get("text")))
        else:
            ins += 1
            t = answer_text(r)
            if answered and any(straighten(p.lower()) in t for p in q["expect"]):
                ins_ok += 1
            else:
                fails.append(("in-scope " + ("wrong" if answered else "declined"), q["q"],
                              r.get("text") if answered else "(declined) expect: " + " | ".join(q["expect"])))
    return {"in": ins, "in_ok": ins_ok, "out": outs, "out_ok": outs_ok, "fails": fails}


def score_meta(doc, meta, expect_date):
    src = (doc or {}).get("source", {}) or {}
    title_ok = norm_name(src.get("title")) == norm_name(meta["title"])
    reps = [norm_name(r) for r in (src.get("reporters") or [])]
    by_ok = reps == [norm_name(r) for r in meta["reporters"]]
    date = str(src.get("date") or "")
    date_ok = (date == meta["date"]) if expect_date else (date in ("", meta["date"]))
    pub = src.get("publisher")
    return {"title": title_ok, "byline": by_ok, "date": date_ok, "date_got": date or None,
            "publisher_got": pub, "reporters_got": src.get("reporters")}


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "  n/a"


def main():
    global HERE, SLUGS
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=HERE)
    ap.add_argument("--no-import", action="store_true")
    ap.add_argument("--kb", default=None)
    ap.add_argument("--kb-html", default=None)
    ap.add_argument("--json", action="store_true", help="also dump everything as JSON at the end")
    a = ap.parse_args()
    other = os.path.abspath(a.folder) != HERE
    if other:
        HERE = os.path.abspath(a.folder)
        SLUGS = sorted(os.path.basename(f)[: -len(".questions.jsonl")] for f in glob.glob(os.path.join(HERE, "*.questions.jsonl")))
    tag = "/tmp/" + os.path.basename(HERE) if other else "/tmp/blind"
    a.kb, a.kb_html = a.kb or tag + "-kb", a.kb_html or tag + "-kb-html"
    reviews = {} if a.no_import else do_imports(a.kb, a.kb_html)
    y_txt, y_html = load_yamls(a.kb), load_yamls(a.kb_html)
    report = {}
    T = dict(gold=0, written=0, right=0, text_match=0, in_=0, in_ok=0, out=0, out_ok=0, hin=0, hin_ok=0, hout=0, hout_ok=0)
    for slug in SLUGS:
        gold = [json.loads(l) for l in open(os.path.join(HERE, slug + ".quotes.jsonl"), encoding="utf-8")]
        meta = json.load(open(os.path.join(HERE, slug + ".meta.json"), encoding="utf-8"))
        has_html = os.path.exists(os.path.join(HERE, slug + ".html"))
        dt = yaml_for(y_txt, slug) or {}
        dh = (yaml_for(y_html, slug, html=True) if has_html else yaml_for(y_html, slug)) or {}
        qt = score_quotes(dt, gold)
        qh = score_quotes(dh, gold) if has_html else None
        asked = score_questions(a.kb, slug)
        asked_h = score_questions(a.kb_html, slug)
        mt = score_meta(dt, meta, expect_date=False)
        mh = score_meta(dh, meta, expect_date=True) if has_html else None
        report[slug] = dict(quotes_txt=qt, quotes_html=qh, questions=asked, questions_html_kb=asked_h, meta_txt=mt, meta_html=mh)
        T["gold"] += qt["gold"]; T["written"] += qt["written"]; T["right"] += qt["right"]; T["text_match"] += qt["text_match"]
        T["in_"] += asked["in"]; T["in_ok"] += asked["in_ok"]; T["out"] += asked["out"]; T["out_ok"] += asked["out_ok"]
        T["hin"] += asked_h["in"]; T["hin_ok"] += asked_h["in_ok"]; T["hout"] += asked_h["out"]; T["hout_ok"] += asked_h["out_ok"]

        print(f"== {slug}")
        print(f"  quotes (.txt import): gold {qt['gold']}, written {qt['written']}, text matches {qt['text_match']}, "
              f"right speaker {qt['right']}  P {pct(qt['right'], qt['written'])}  R {pct(qt['right'], qt['gold'])}")
        if qh:
            print(f"  quotes (.html import): gold {qh['gold']}, written {qh['written']}, right speaker {qh['right']}  "
                  f"P {pct(qh['right'], qh['written'])}  R {pct(qh['right'], qh['gold'])}")
        print(f"  questions (kb {a.kb}): in-scope {asked['in_ok']}/{asked['in']} {pct(asked['in_ok'], asked['in'])}, "
              f"out-of-scope declined {asked['out_ok']}/{asked['out']} {pct(asked['out_ok'], asked['out'])}")
        print(f"  questions (kb {a.kb_html}): in-scope {asked_h['in_ok']}/{asked_h['in']}, declined {asked_h['out_ok']}/{asked_h['out']}")
        print(f"  meta .txt : title {'ok' if mt['title'] else 'WRONG'}, byline {'ok' if mt['byline'] else 'WRONG'} "
              f"({mt['reporters_got']}), date {mt['date_got']} (none expected), publisher {mt['publisher_got']!r}")
        if mh:
            print(f"  meta .html: title {'ok' if mh['title'] else 'WRONG'}, byline {'ok' if mh['byline'] else 'WRONG'} "
                  f"({mh['reporters_got']}), date {'ok' if mh['date'] else 'WRONG'} ({mh['date_got']}), publisher {mh['publisher_got']!r}")
        for kind, text, want, got in qt["rows"]:
            if kind == "missed":
                print(f"  QUOTE missed: [{want}] {text}")
            elif kind == "wrong speaker":
                print(f"  QUOTE wrong speaker: [{want} -> {got}] {text}")
            else:
                print(f"  QUOTE extra/unmatched written: [{got}] {text}")
        if qh:
            for kind, text, want, got in qh["rows"]:
                print(f"  (html) QUOTE {kind}: [{want} -> {got}] {text}")
        for kind, q, ans in asked["fails"]:
            ans = (ans or "").replace("\n", " / ")
            print(f"  Q {kind}: {q!r}\n      -> {ans[:300]}")
        print()
    print("== overall (.txt imports, kb " + a.kb + ")")
    print(f"  quotes: gold {T['gold']}, written {T['written']}, text matches {T['text_match']}, right speaker {T['right']}  "
          f"P {pct(T['right'], T['written'])}  R {pct(T['right'], T['gold'])}")
    print(f"  in-scope answered right {T['in_ok']}/{T['in_']} {pct(T['in_ok'], T['in_'])}; "
          f"out-of-scope declined {T['out_ok']}/{T['out']} {pct(T['out_ok'], T['out'])}")
    print(f"  (same questions on kb {a.kb_html}: in-scope {T['hin_ok']}/{T['hin']} {pct(T['hin_ok'], T['hin'])}, "
          f"declined {T['hout_ok']}/{T['hout']} {pct(T['hout_ok'], T['hout'])})")
    if a.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
