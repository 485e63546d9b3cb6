// Debian's libqrencode (package libqrencode-dev), reached from Swift through this system-library target.
// Only LianbingFormats/QR/QRCode.swift calls it; everything else uses that Swift type.
#include <qrencode.h>
