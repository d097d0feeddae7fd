#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the man page of cratedesk from the built executable's own help, so that the page
# never says something the program does not: `cratedesk --help` gives the description, the
# options and the list of commands, and `cratedesk COMMAND --help` each command's options.
# Usage: make-manpage.sh EXECUTABLE DATE OUTPUT.1   (the build runs it; DATE is YYYY-MM-DD)
set -euo pipefail

exe=$(realpath "$1")
date=$2
out=$3

# The help text must not depend on the machine that builds the package: no display, no
# sanitizer's leak report, and HOME="~", so that the defaults it prints read "~/.local/...".
# Qt wraps the help at 80 columns, so the "~" must be there before it wraps. Whatever the
# program makes under that home lands in a scratch folder.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/cratedesk-manpage.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
run_exe() {
    (cd "$scratch" && exec -a cratedesk env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME='~' \
        QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=0 "$exe" "$@" </dev/null)
}
help_of() { run_exe "$@" --help; }

# Roff from Qt's help layout: "Usage:" line, description, then blocks headed "Options:",
# "Arguments:" and "Commands ...:" whose entries are "  NAME  TEXT" with TEXT wrapped onto
# lines indented further. Prints .TP entries for each block except commands (they get their
# own sections), without the generic --help and --help-all of every command. A command's
# "args" entry is its usage line, put first.
to_roff() {
    awk -v toplevel="$1" '
        function esc(s) { gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s); return s }
        function text_line(s) { s = esc(s); if (s ~ /^[.\047]/) s = "\\&" s; return s }
        function flush() {
            if (name == "") return
            if (name == "args") {
                usage = sprintf(".TP\n\\fBUsage\\fR\n%s\n", text_line("cratedesk " text))
            } else if (toplevel || (name != "-h, --help" && name != "--help-all")) {
                n = esc(name)
                gsub(/<[^>]*>/, "\\fI&\\fB", n); gsub(/[<>]/, "", n)
                entries = entries sprintf(".TP\n\\fB%s\\fR\n%s\n", n, text_line(text))
            }
            name = ""; text = ""
        }
        /^Usage:/ { next }
        /^Options:$/ { flush(); block = "options"; if (toplevel) entries = entries ".SH OPTIONS\n"; next }
        /^Arguments:$/ { flush(); block = "arguments"; if (toplevel) entries = entries ".SH ARGUMENTS\n"; next }
        /^Commands/ { flush(); block = "commands"; next }
        /^$/ { flush(); paragraph = 1; next }
        block == "" { if (paragraph && printed) print ".PP"; paragraph = 0; printed = 1; print text_line($0); next }
        block == "commands" { next }
        /^  [^ ]/ {
            flush()
            entry = substr($0, 3)
            if (match(entry, /  +/)) { name = substr(entry, 1, RSTART - 1); text = substr(entry, RSTART + RLENGTH) }
            else { name = entry; text = "" }
            next
        }
        /^   +/ { sub(/^ +/, ""); text = (text == "" ? $0 : text " " $0); next }
        # The usage line comes before the options.
        END { flush(); printf "%s%s", usage, entries }
    '
}

top=$(help_of)
version=$(run_exe --version | awk '{ print $NF }')
[ -n "$version" ] || { echo "make-manpage: $exe --version printed nothing" >&2; exit 1; }
# "  feed token create   Create a token ..." -> "feed token create<TAB>Create a token ..."
commands=$(printf '%s\n' "$top" | awk '
    /^Commands/ { on = 1; next }
    on && /^$/ { on = 0 }
    on && /^  [^ ]/ { s = substr($0, 3); i = match(s, /  +/); print substr(s, 1, i - 1) "\t" substr(s, i + RLENGTH) }')
[ -n "$commands" ] || { echo "make-manpage: $exe --help lists no commands" >&2; exit 1; }

{
    printf '.TH CRATEDESK 1 "%s" "CrateDesk %s" "User Commands"\n' "$date" "$version"
    printf '.SH NAME\ncratedesk \\- browse, publish and curate crates on Cargo feeds\n'
    printf '.SH SYNOPSIS\n.B cratedesk\n[\\fIoptions\\fR]\n.br\n.B cratedesk\n\\fICOMMAND\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]\n'
    printf '.SH DESCRIPTION\n'
    printf '%s\n' "$top" | to_roff 1
    printf '.SH COMMANDS\n'
    while IFS=$'\t' read -r command summary; do
        printf '.SS "cratedesk %s"\n' "$command"
        # shellcheck disable=SC2086 # the command is one to three words
        sub=$(help_of $command 2>/dev/null) || sub=
        # Some commands have no help of their own (cargo's credential provider speaks JSON);
        # the summary stands in for a command's description where its help has none.
        case "$sub" in
            Usage:*)
                case "$(printf '%s\n' "$sub" | sed -n 2p)" in ''|Options:) printf '%s\n' "$summary" | to_roff 0 ;; esac
                printf '%s\n' "$sub" | to_roff 0 ;;
            *) printf '%s\n' "$summary" | to_roff 0 ;;
        esac
    done <<<"$commands"
    printf '.SH SEE ALSO\n.BR cargo (1)\n'
} > "$out.tmp"
mv "$out.tmp" "$out"
