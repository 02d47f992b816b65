#!/usr/bin/env bash
# The Word report's test converts it to PDF with Debian's LibreOffice (headless, no GUI) and reads
# the PDF with poppler's pdftotext/pdftoppm, as a reader's Word would show it. Installed only when
# missing, the way scripts/ensure-chromium.sh installs the browser.
set -euo pipefail
missing=()
# Liberation Sans has Arial's metrics, the report's font: the PDF then breaks lines as Word does.
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui fonts-liberation)
{ command -v pdftotext && command -v pdftoppm && command -v pdfinfo; } >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian's ${missing[*]} for the Word report test…"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
start=$(date +%s)
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
  echo "Could not install ${missing[*]} with apt-get: the Word report's PDF test needs soffice and pdftotext." >&2
  echo "Install them by hand (apt-get install libreoffice-writer-nogui poppler-utils) and run the tests again." >&2
  exit 1
fi
command -v soffice >/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null && command -v pdfinfo >/dev/null
echo "Installed ${missing[*]} in $(( $(date +%s) - start )) s."
