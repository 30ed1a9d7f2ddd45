#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The German catalogue is up to date with the sources.

check_translations.py looks only at what the .ts holds: a tr() string added to the sources and
never run through lupdate is not in it, and the app shows it in English. This runs lupdate over
the sources the build translates (the project file qt_add_translations wrote) into a copy of the
.ts, and then checks that copy: every string lupdate finds must already be translated.

usage: check_translations_current.py CMAKE GENERATE_PROJECT_SCRIPT PROJECT_CMAKE LUPDATE TS_FILE
                                     CHECK_SCRIPT SRC_DIR UI_DIR
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile


def main(argv):
    if len(argv) != 9:
        print(__doc__, file=sys.stderr)
        return 2
    cmake, generate, project, lupdate, ts, check, src, ui = argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        project_json = tmp / "project.json"
        subprocess.run([cmake, f"-DIN_FILE={project}", f"-DOUT_FILE={project_json}", "-P", generate], check=True)
        copy = tmp / pathlib.Path(ts).name
        shutil.copyfile(ts, copy)
        subprocess.run([lupdate, "-silent", "-project", str(project_json), "-ts", str(copy), "-no-obsolete",
                        "-locations", "none"], check=True)
        result = subprocess.run([sys.executable, check, str(copy), src, ui])
        if result.returncode != 0:
            print(f"{ts} is behind the sources: run the update_translations target "
                  f"(cmake --build --preset dev --target update_translations) and translate the "
                  f"messages above", file=sys.stderr)
        return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
