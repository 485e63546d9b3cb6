// Debian's libxlsxwriter (package libxlsxwriter-dev), reached from Swift through this system-library target.
// Only LianbingFormats/Workbook/WorkbookWriter.swift calls it; everything else uses that Swift type.
#include <xlsxwriter.h>
