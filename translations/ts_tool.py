#!/usr/bin/env python3
"""Read and fill Qt Linguist .ts files without Linguist.

  ts_tool.py todo FILE [--context REGEX] [--limit N]   untranslated messages as JSON
  ts_tool.py apply FILE JSON                            fill translations from JSON
  ts_tool.py stats FILE                                 finished / unfinished counts
  ts_tool.py check FILE                                 exit 1 on an unfinished message or a
                                                        translation that drops or adds a
                                                        placeholder (%1, %n, %L1) or a tag

JSON for apply: a list of {"context", "source", "translation"} where
"translation" is a string, or for a numerus message (%n) a list of forms
(German: [singular, plural]; Chinese: [one form]). Matching is by context and
source; a message's "comment" (disambiguation) is matched when given.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET


def load(path):
    tree = ET.parse(path)
    return tree, tree.getroot()


def messages(root):
    for ctx in root.iter('context'):
        name = ctx.findtext('name')
        for msg in ctx.iter('message'):
            yield name, msg


def unfinished(msg):
    t = msg.find('translation')
    return t is None or t.get('type') == 'unfinished' or (
        not (t.text or '').strip() and not list(t))


def todo(path, pattern=None, limit=None):
    _, root = load(path)
    out = []
    for ctx, msg in messages(root):
        t = msg.find('translation')
        if t is not None and t.get('type') in ('obsolete', 'vanished'):
            continue
        if pattern and not re.search(pattern, ctx):
            continue
        if unfinished(msg):
            item = {'context': ctx, 'source': msg.findtext('source')}
            if msg.findtext('comment'):
                item['comment'] = msg.findtext('comment')
            if msg.get('numerus') == 'yes':
                item['numerus'] = True
            out.append(item)
            if limit and len(out) >= limit:
                break
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()


def write(tree, path):
    ET.indent(tree, space='    ')
    body = ET.tostring(tree.getroot(), encoding='unicode')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(body)
        f.write('\n')


def apply(path, jsonpath):
    tree, root = load(path)
    with open(jsonpath, encoding='utf-8') as f:
        items = json.load(f)
    wanted = {}
    for it in items:
        wanted[(it['context'], it['source'], it.get('comment'))] = it['translation']
    done = 0
    for ctx, msg in messages(root):
        key = (ctx, msg.findtext('source'), msg.findtext('comment'))
        tr = wanted.get(key)
        if tr is None:
            tr = wanted.get((ctx, msg.findtext('source'), None))
        if tr is None:
            continue
        t = msg.find('translation')
        if t is None:
            t = ET.SubElement(msg, 'translation')
        for child in list(t):
            t.remove(child)
        if msg.get('numerus') == 'yes':
            forms = tr if isinstance(tr, list) else [tr]
            t.text = None
            for form in forms:
                ET.SubElement(t, 'numerusform').text = form
        else:
            t.text = tr if isinstance(tr, str) else tr[0]
        if 'type' in t.attrib:
            del t.attrib['type']
        done += 1
    write(tree, path)
    print(f'{done} of {len(items)} translations applied to {path}')


def stats(path):
    _, root = load(path)
    fin = unf = 0
    for _, msg in messages(root):
        t = msg.find('translation')
        if t is not None and t.get('type') in ('obsolete', 'vanished'):
            continue
        if unfinished(msg):
            unf += 1
        else:
            fin += 1
    print(f'{path}: {fin} finished, {unf} unfinished')


PLACEHOLDER = re.compile(r'%L?\d+|%n')
TAG = re.compile(r'</?[a-zA-Z][a-zA-Z0-9]*')


def signature(text):
    return (sorted(set(PLACEHOLDER.findall(text or ''))), sorted(TAG.findall(text or '')))


def check(path):
    _, root = load(path)
    bad = []
    for ctx, msg in messages(root):
        t = msg.find('translation')
        if t is not None and t.get('type') in ('obsolete', 'vanished'):
            continue
        src = msg.findtext('source')
        if unfinished(msg):
            bad.append(f'{ctx}: unfinished: {src!r}')
            continue
        forms = [f.text or '' for f in t.findall('numerusform')] or [t.text or '']
        for form in forms:
            want, have = signature(src), signature(form)
            # A numerus form may leave %n out ("one file" / "%n files").
            if msg.get('numerus') == 'yes':
                want = ([p for p in want[0] if p != '%n'], want[1])
                have = ([p for p in have[0] if p != '%n'], have[1])
            if want != have:
                bad.append(f'{ctx}: {src!r} -> {form!r}: placeholders or tags differ')
    for line in bad:
        print(f'{path}: {line}')
    print(f'{path}: {len(bad)} problem(s)')
    return 1 if bad else 0


if __name__ == '__main__':
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == 'todo':
        args = sys.argv[3:]
        pattern = args[args.index('--context') + 1] if '--context' in args else None
        limit = int(args[args.index('--limit') + 1]) if '--limit' in args else None
        todo(path, pattern, limit)
    elif cmd == 'apply':
        apply(path, sys.argv[3])
    elif cmd == 'stats':
        stats(path)
    elif cmd == 'check':
        sys.exit(check(path))
    else:
        sys.exit(__doc__)
