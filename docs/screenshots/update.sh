#!/usr/bin/env bash
# Regenerates the screenshots the guides show, from the UI tests (headless; no display needed):
#   docs/screenshots/update.sh
# The tests write PNGs to target/screenshots/; the ones the docs use are copied here.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test -Dtest='MainWindowUiTest,StudentsViewUiTest,BulkEntryUiTest,MentorsUiTest,HealthViewUiTest,UnreachableAtStartUiTest' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true
for name in main-window main-window-dark students students-conflict bulk-entry bulk-entry-review \
            bulk-entry-draft-offer mentors health health-dark startup-server-unavailable; do
  if [ -f "target/screenshots/$name.png" ]; then
    cp "target/screenshots/$name.png" docs/screenshots/
  fi
done
ls -1 docs/screenshots/*.png
