// Text encodings other than UTF-8, recognised by their byte order mark at the start of the data:
// Windows tools write logs and pasted excerpts as UTF-16 (PowerShell's `>` and Out-File) or as
// UTF-8 with a mark (Notepad). Both are read as plain UTF-8 with the mark removed, so a parser
// sees the same bytes it would in a log written on Linux.
#pragma once

#include <memory>

#include "src/base/byte_source.h"

namespace faultline {

/// `inner` as UTF-8: a UTF-8 byte order mark is dropped, UTF-16 (little or big endian, with its
/// mark) is converted as it is read; anything else passes through unchanged. A UTF-16 code unit
/// that is not part of a valid character (a lone surrogate, an odd byte at the end) becomes
/// U+FFFD. Offsets (and ByteSource::Skip) then count UTF-8 bytes, as they count decompressed
/// bytes for gzip. An error met while looking for the mark is reported by the first Read after
/// the bytes read before it.
std::unique_ptr<ByteSource> DecodeTextEncoding(std::unique_ptr<ByteSource> inner);

}  // namespace faultline
