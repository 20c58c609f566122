#!/usr/bin/env bash
# Build the real-PDF part of the evaluation corpus.
#
# For every clean source text fixtures/pdf/texts/<name>.txt:
#   1. generate a Flat ODT (fixtures/pdf/build/<name>.fodt): 9 cm justified RTL
#      column, 13 pt, font alternating Amiri (odd-numbered texts) / KacstOne
#      (even-numbered texts);
#   2. typeset it with LibreOffice:
#        soffice -env:UserInstallation=file://$PROFILE --headless \
#                --convert-to pdf --outdir $TMP fixtures/pdf/build/<name>.fodt
#   3. generate an HTML page (fixtures/pdf/build/<name>-chromium.html, dir="rtl",
#      text-align: justify, same 9 cm column, Amiri) and print it with Chromium:
#        chromium --headless --no-sandbox --disable-gpu --no-first-run \
#                 --disable-background-networking --disable-component-update \
#                 --disable-sync --user-data-dir=$(mktemp -d) \
#                 --no-pdf-header-footer --print-to-pdf=<out.pdf> <file.html>
#   4. generate a XeLaTeX source (fixtures/pdf/build/<name>-xelatex.tex,
#      polyglossia/bidi, same 9 cm column, same font as the LibreOffice entry)
#      and typeset it (skipped if xelatex is not installed):
#        SOURCE_DATE_EPOCH=1700000000 xelatex -interaction=nonstopmode \
#                 -halt-on-error -output-directory=$TMP <file.tex>
#   5. extract each PDF with five extractors, keeping their output byte for byte:
#        pdftotext        <pdf> fixtures/pdf/<entry>/pdftotext.txt
#        pdftotext -raw   <pdf> fixtures/pdf/<entry>/pdftotext-raw.txt
#        pdftotext -layout <pdf> fixtures/pdf/<entry>/pdftotext-layout.txt
#        mutool draw -q -F txt <pdf>          > fixtures/pdf/<entry>/mutool.txt
#        node scripts/pdfjs-extract.mjs <pdf> > fixtures/pdf/<entry>/pdfjs.txt
#      and write truth.txt (a copy of the source text) and meta.json.
#
# Entries: fixtures/pdf/<name>/ (LibreOffice), fixtures/pdf/<name>-chromium/ and
# fixtures/pdf/<name>-xelatex/.
#
# Idempotent: PDF files carry creation dates and IDs, so re-typesetting changes
# their bytes. A PDF is therefore only re-typeset when it is missing or its
# generated .fodt/.html/.tex differs from the one stored next to it in build/
# (or when FORCE=1). Everything else is regenerated every run from the stored
# PDFs and is deterministic, so a second run changes nothing.
#
# Usage: scripts/build-pdf-corpus.sh            (all texts)
#        scripts/build-pdf-corpus.sh 01-news-elections 05-history-andalus
#        FORCE=1 scripts/build-pdf-corpus.sh    (re-typeset every PDF)
#        NO_CHROMIUM=1 NO_XELATEX=1 scripts/build-pdf-corpus.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CORPUS=fixtures/pdf
TEXTS=$CORPUS/texts
BUILD=$CORPUS/build
FORCE="${FORCE:-0}"
NO_CHROMIUM="${NO_CHROMIUM:-0}"
NO_XELATEX="${NO_XELATEX:-0}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
MAX_PDF_BYTES=$((100 * 1024))

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing tool: $1" >&2; exit 1; }; }
need soffice; need pdftotext; need mutool; need node
[ -f node_modules/pdfjs-dist/legacy/build/pdf.mjs ] || { echo "run npm ci first (pdfjs-dist missing)" >&2; exit 1; }
if [ "$NO_CHROMIUM" != 1 ] && [ ! -x "$CHROMIUM" ]; then
  echo "chromium not found at $CHROMIUM; skipping the Chromium typesetter" >&2
  NO_CHROMIUM=1
fi

if [ "$NO_XELATEX" != 1 ] && ! command -v xelatex >/dev/null 2>&1; then
  echo "xelatex not found; skipping the XeLaTeX typesetter" >&2
  NO_XELATEX=1
fi

LO_VERSION="$(soffice --version | awk '{print $2; exit}')"          # e.g. 7.4.7.2
if [ "$NO_CHROMIUM" != 1 ]; then
  CHROMIUM_VERSION="$("$CHROMIUM" --version 2>/dev/null | awk '{print $2; exit}')"
fi

if [ "$NO_XELATEX" != 1 ]; then
  # e.g. "3.141592653-2.6-0.999994 (TeX Live 2022/Debian)"
  XELATEX_VERSION="$(xelatex --version | head -1 | sed 's/^XeTeX //')"
fi

mkdir -p "$BUILD"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
LO_PROFILE="$WORK/lo-profile"   # private LibreOffice profile: no clash with a running soffice

# font for text number N (the numeric prefix of its name): odd -> Amiri, even -> KacstOne
font_for() {
  local n=$((10#${1%%-*}))
  if (( n % 2 == 1 )); then echo Amiri; else echo KacstOne; fi
}

# json_meta <font> <source> <typesetter>
json_meta() {
  node -e 'process.stdout.write(JSON.stringify({font: process.argv[1], source: process.argv[2], typesetter: process.argv[3]}, null, 2) + "\n")' "$1" "$2" "$3"
}

# needs_typeset <new-doc> <stored-doc> <pdf>: true if the PDF must be (re)made
needs_typeset() {
  [ "$FORCE" = 1 ] || [ ! -f "$3" ] || [ ! -f "$2" ] || ! cmp -s "$1" "$2"
}

typeset_lo() { # <fodt> <pdf>
  local base; base="$(basename "$1" .fodt)"
  rm -f "$WORK/$base.pdf"
  soffice -env:UserInstallation="file://$LO_PROFILE" --headless --norestore \
    --convert-to pdf --outdir "$WORK" "$1" >"$WORK/soffice.log" 2>&1 \
    || { cat "$WORK/soffice.log" >&2; exit 1; }
  [ -s "$WORK/$base.pdf" ] || { echo "soffice produced no PDF for $1" >&2; cat "$WORK/soffice.log" >&2; exit 1; }
  mv "$WORK/$base.pdf" "$2"
}

typeset_chromium() { # <html> <pdf>
  local profile; profile="$(mktemp -d)"
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$WORK/chromium.pdf" "file://$ROOT/$1" >"$WORK/chromium.log" 2>&1 \
    || { cat "$WORK/chromium.log" >&2; rm -rf "$profile"; exit 1; }
  rm -rf "$profile"
  [ -s "$WORK/chromium.pdf" ] || { echo "chromium produced no PDF for $1" >&2; exit 1; }
  mv "$WORK/chromium.pdf" "$2"
}

typeset_xelatex() { # <tex> <pdf>
  local base; base="$(basename "$1" .tex)"
  rm -f "$WORK/$base.pdf"
  SOURCE_DATE_EPOCH=1700000000 xelatex -interaction=nonstopmode -halt-on-error \
    -output-directory="$WORK" "$1" >"$WORK/xelatex.log" 2>&1 \
    || { cat "$WORK/xelatex.log" >&2; exit 1; }
  if grep -q -E 'Missing character|Overfull' "$WORK/$base.log"; then
    echo "WARNING: xelatex reported missing characters or overfull lines for $1" >&2
    grep -E 'Missing character|Overfull' "$WORK/$base.log" >&2
  fi
  [ -s "$WORK/$base.pdf" ] || { echo "xelatex produced no PDF for $1" >&2; exit 1; }
  mv "$WORK/$base.pdf" "$2"
}

extract_all() { # <pdf> <entry-dir>
  local pdf="$1" out="$2"
  mkdir -p "$out"
  pdftotext "$pdf" "$out/pdftotext.txt"
  pdftotext -raw "$pdf" "$out/pdftotext-raw.txt"
  pdftotext -layout "$pdf" "$out/pdftotext-layout.txt"
  # mutool prints "warning: ICC support is not available" on stderr; keep stdout only
  mutool draw -q -F txt "$pdf" >"$out/mutool.txt" 2>"$WORK/mutool.err"
  node scripts/pdfjs-extract.mjs "$pdf" >"$out/pdfjs.txt"
}

check_size() { # <pdf>
  local size; size=$(stat -c %s "$1")
  if (( size >= MAX_PDF_BYTES )); then
    echo "WARNING: $1 is $size bytes (>= 100 KB): do not commit it" >&2
  fi
}

if [ "$#" -gt 0 ]; then
  names=("$@")
else
  names=()
  for f in "$TEXTS"/*.txt; do names+=("$(basename "$f" .txt)"); done
fi

for name in "${names[@]}"; do
  src="$TEXTS/$name.txt"
  [ -f "$src" ] || { echo "no such text: $src" >&2; exit 1; }
  font="$(font_for "$name")"

  # --- LibreOffice ---
  node scripts/make-typeset-doc.mjs fodt "$src" "$font" >"$WORK/$name.fodt"
  if needs_typeset "$WORK/$name.fodt" "$BUILD/$name.fodt" "$BUILD/$name.pdf"; then
    cp "$WORK/$name.fodt" "$BUILD/$name.fodt"
    typeset_lo "$BUILD/$name.fodt" "$BUILD/$name.pdf"
    echo "typeset  $BUILD/$name.pdf (LibreOffice $LO_VERSION, $font)"
  fi
  check_size "$BUILD/$name.pdf"
  entry="$CORPUS/$name"
  extract_all "$BUILD/$name.pdf" "$entry"
  cp "$src" "$entry/truth.txt"
  json_meta "$font" "texts/$name.txt" "libreoffice $LO_VERSION" >"$entry/meta.json"
  echo "extract  $entry"

  # --- Chromium (always Amiri) ---
  if [ "$NO_CHROMIUM" != 1 ]; then
    cname="$name-chromium"
    node scripts/make-typeset-doc.mjs html "$src" Amiri >"$WORK/$cname.html"
    if needs_typeset "$WORK/$cname.html" "$BUILD/$cname.html" "$BUILD/$cname.pdf"; then
      cp "$WORK/$cname.html" "$BUILD/$cname.html"
      typeset_chromium "$BUILD/$cname.html" "$BUILD/$cname.pdf"
      echo "typeset  $BUILD/$cname.pdf (Chromium $CHROMIUM_VERSION, Amiri)"
    fi
    check_size "$BUILD/$cname.pdf"
    entry="$CORPUS/$cname"
    extract_all "$BUILD/$cname.pdf" "$entry"
    cp "$src" "$entry/truth.txt"
    json_meta Amiri "texts/$name.txt" "chromium $CHROMIUM_VERSION" >"$entry/meta.json"
    echo "extract  $entry"
  fi

  # --- XeLaTeX (same font as the LibreOffice entry) ---
  if [ "$NO_XELATEX" != 1 ]; then
    xname="$name-xelatex"
    node scripts/make-typeset-doc.mjs tex "$src" "$font" >"$WORK/$xname.tex"
    if needs_typeset "$WORK/$xname.tex" "$BUILD/$xname.tex" "$BUILD/$xname.pdf"; then
      cp "$WORK/$xname.tex" "$BUILD/$xname.tex"
      typeset_xelatex "$BUILD/$xname.tex" "$BUILD/$xname.pdf"
      echo "typeset  $BUILD/$xname.pdf (XeLaTeX $XELATEX_VERSION, $font)"
    fi
    check_size "$BUILD/$xname.pdf"
    entry="$CORPUS/$xname"
    extract_all "$BUILD/$xname.pdf" "$entry"
    cp "$src" "$entry/truth.txt"
    json_meta "$font" "texts/$name.txt" "xelatex $XELATEX_VERSION" >"$entry/meta.json"
    echo "extract  $entry"
  fi
done
