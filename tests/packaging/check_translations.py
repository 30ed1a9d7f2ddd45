#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The German catalogue is complete and reachable.

- No message is unfinished (the app would show English in the middle of German).
- Every QObject class of namespace md has its strings under "md::Class": tr() looks them up by the
  class's qualified name, so a context named plain "Class" is never used at run time. lupdate
  writes the plain name when it loses track of the namespace (a template declared in the header
  did that once, and the whole chart went back to English).

A plain "Class" context is right for Designer forms (ui/*.ui): their generated retranslateUi()
uses the form's class name as it stands in the .ui file.

usage: check_translations.py TS_FILE SRC_DIR UI_DIR
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET


def qobject_classes(src):
    found = set()
    for header in pathlib.Path(src).rglob("*.h"):
        text = header.read_text(encoding="utf-8")
        if "namespace md" not in text:
            continue
        for m in re.finditer(r"\bclass\s+(\w+)\b[^;{]*\{", text):
            body_start = text[m.end():m.end() + 400]
            if re.match(r"\s*Q_OBJECT\b", body_start):
                found.add(m.group(1))
    return found


def form_classes(ui_dir):
    return {ET.parse(ui).getroot().findtext("class") for ui in pathlib.Path(ui_dir).glob("*.ui")}


def main():
    ts_path, src, ui_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    root = ET.parse(ts_path).getroot()
    problems = []
    contexts = set()
    for context in root.iter("context"):
        name = context.findtext("name")
        contexts.add(name)
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("unfinished", "missing"):
                problems.append(f"{ts_path}: {name}: unfinished: {message.findtext('source')!r}")
    classes = qobject_classes(src)
    if not classes:
        problems.append(f"{src}: no Q_OBJECT classes found in namespace md (is the path right?)")
    forms = form_classes(ui_dir)
    for cls in sorted(classes - forms):
        if cls in contexts:
            problems.append(f"{ts_path}: context '{cls}' should be 'md::{cls}': "
                            "lupdate lost the namespace of its header; tr() never finds these")
    for p in problems:
        print(p)
    print(f"{len(contexts)} contexts, {len(classes)} QObject classes in md, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
