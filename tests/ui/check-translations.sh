#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The translations are complete and keep what the code fills in:
# - lupdate over the sources into a scratch copy of every cratedesk_LANG.ts but English finds
#   no string without a finished translation and none the sources no longer have;
# - each translation keeps its source's placeholders (%1..%9, %n), and a %n string has one
#   form per plural of the language (two for German);
# - cratedesk_en.ts has an English numerus entry for every %n string, and nothing else.
# The committed files are never written: a new tr() without its translation fails here.
set -euo pipefail
lupdate=${1:?usage: check-translations.sh LUPDATE SOURCE-DIR}
src=${2:?usage: check-translations.sh LUPDATE SOURCE-DIR}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cd "$src"
languages=()
for ts in resources/translations/cratedesk_*.ts; do
    lang=$(basename "$ts" .ts)
    lang=${lang#cratedesk_}
    [ "$lang" = en ] && continue
    cp "$ts" "$scratch/"
    # Without -no-obsolete, so that strings gone from the sources show up as vanished.
    if ! "$lupdate" -silent -locations none -source-language en -target-language "$lang" app ui models \
        -ts "$scratch/$(basename "$ts")" >"$scratch/lupdate-$lang.log" 2>&1; then
        cat "$scratch/lupdate-$lang.log" >&2
        exit 1
    fi
    languages+=("$lang")
done
if [ ${#languages[@]} -eq 0 ]; then
    echo "no translation besides English under resources/translations" >&2
    exit 1
fi

python3 - "$scratch" resources/translations/cratedesk_en.ts "${languages[@]}" <<'EOF'
import re
import sys
import xml.etree.ElementTree as ET

scratch, english, languages = sys.argv[1], sys.argv[2], sys.argv[3:]
# Plural forms per language as Qt counts them (QLocale numerus rules); add a language here
# together with its .ts file.
FORMS = {"de": 2, "fr": 2, "es": 2, "it": 2, "nl": 2, "pt": 2, "ru": 3, "pl": 3, "cs": 3, "ja": 1, "zh": 1}
PLACEHOLDER = re.compile(r"%L?([1-9]|n)")
problems = []


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text or "")))


def messages(path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def label(context, source):
    return f'[{context}] "{source}"'


def check_forms(where, context, message, expected):
    source = message.findtext("source")
    translation = message.find("translation")
    forms = [translation.text] if message.get("numerus") != "yes" else \
        [form.text for form in translation.iter("numerusform")]
    if message.get("numerus") == "yes" and len(forms) != expected:
        problems.append(f"{where}: {label(context, source)} has {len(forms)} plural forms, not {expected}")
    for form in forms:
        if not form:
            problems.append(f"{where}: {label(context, source)} has an empty translation")
        elif placeholders(form) != placeholders(source):
            problems.append(f"{where}: {label(context, source)} -> \"{form}\" keeps {placeholders(form)} "
                            f"of the placeholders {placeholders(source)}")


plurals = set()
for lang in languages:
    where = f"cratedesk_{lang}.ts"
    expected = FORMS.get(lang.split("_")[0])
    if expected is None:
        problems.append(f"{where}: add the number of plural forms of '{lang}' to check-translations.sh")
        expected = 0
    for context, message in messages(f"{scratch}/{where}"):
        source = message.findtext("source")
        kind = message.find("translation").get("type")
        if kind in ("vanished", "obsolete"):
            problems.append(f"{where}: {label(context, source)} is no longer in the sources; "
                            "run lupdate with -no-obsolete")
            continue
        if message.get("numerus") == "yes":
            plurals.add((context, source))
        if kind == "unfinished":
            problems.append(f"{where}: {label(context, source)} has no finished translation")
            continue
        check_forms(where, context, message, expected)

where = "cratedesk_en.ts"
seen = set()
for context, message in messages(english):
    source = message.findtext("source")
    seen.add((context, source))
    if (context, source) not in plurals:
        problems.append(f"{where}: {label(context, source)} is no %n string of the sources")
        continue
    check_forms(where, context, message, 2)
for context, source in sorted(plurals - seen):
    problems.append(f"{where}: {label(context, source)} has no English numerus entry (1 and more)")

if problems:
    print("\n".join(problems), file=sys.stderr)
    print(f"{len(problems)} translation problem(s); see resources/translations/README.md", file=sys.stderr)
    sys.exit(1)
print(f"{', '.join(languages)}: every source string translated; English plurals for all {len(plurals)} %n strings")
EOF
