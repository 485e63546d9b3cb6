// Debian's cmark-gfm, GitHub's CommonMark implementation (packages libcmark-gfm-dev and
// libcmark-gfm-extensions-dev), reached from Swift through this system-library target. Only
// LianbingFormats/Markdown calls it.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
